Deno.serve(() => new Response("in"));
