export async function bye(name) {
  return base44.functions.invoke("farewell", { name });
}
