Deno.serve(() => Response.json({ published: true }));
