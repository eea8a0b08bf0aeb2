Deno.serve(() => new Response("purged"));
