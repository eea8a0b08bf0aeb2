/** Takes a minute to answer. */
Deno.serve(async () => {
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  return Response.json({ done: true });
});
