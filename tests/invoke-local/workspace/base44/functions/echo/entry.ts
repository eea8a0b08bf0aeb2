/** Answers with what it was sent. */
Deno.serve(async (req) => {
  const body = await req.json();
  console.log("echo got", JSON.stringify(body));
  return Response.json({ echoed: body });
});
