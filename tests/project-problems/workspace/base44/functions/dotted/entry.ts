Deno.serve(() => new Response("dotted"));
