Deno.serve(async (req) => {
  const { sku = "default" } = await req.json();
  return Response.json({ ok: true, order: { sku } });
});
