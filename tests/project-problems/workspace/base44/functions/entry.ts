Deno.serve(() => new Response("root"));
