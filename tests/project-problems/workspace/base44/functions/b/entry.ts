Deno.serve(() => new Response("b"));
