Deno.serve(async (req) => {
  const { code } = await req.json();
  return Response.json({ ok: code === "123456" });
});
