Deno.serve(() => new Response("bad"));
