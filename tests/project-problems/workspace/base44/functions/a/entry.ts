Deno.serve(() => new Response("a"));
