Deno.serve(() => Response.json({ paid: true }));
