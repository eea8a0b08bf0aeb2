Deno.serve(() => new Response("legacy"));
