Deno.serve(() => new Response("out"));
