/** Greets whoever asks. */
Deno.serve(async (req) => {
  const { name } = await req.json();
  return Response.json({ greeting: `Hello, ${name}` });
});
