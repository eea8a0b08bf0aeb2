Deno.serve(() => new Response("not deployed: outside functionsDir"));
