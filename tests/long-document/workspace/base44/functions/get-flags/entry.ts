Deno.serve(() => Response.json({ flags: { beta: true } }));
