Deno.serve(() => Response.json({ points: [] }));
