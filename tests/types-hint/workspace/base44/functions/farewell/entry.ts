Deno.serve(() => Response.json({ bye: true }));
