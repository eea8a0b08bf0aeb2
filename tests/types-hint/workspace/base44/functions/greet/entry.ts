Deno.serve(() => Response.json({ hello: true }));
