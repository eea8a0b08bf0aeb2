Deno.serve(async (req) => {
  const { sku } = await req.json();
  return Response.json({ ok: true, order: { sku } });
});
