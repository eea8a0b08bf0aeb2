// Deliberate mistake: this entry neither calls Deno.serve nor exports a handler,
// so it never answers a request.
async function handle(req: Request): Promise<Response> {
  return new Response("ok");
}
