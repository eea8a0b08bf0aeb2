// Shared by several functions: quotes a price through the pricing function.
export async function quote(base44: any, sku: string) {
  return base44.asServiceRole.functions.invoke("price-quote", { sku });
}
