Deno.serve(async (req) => {
  const { name } = await req.json();
  return Response.json({ hello: name });
});
