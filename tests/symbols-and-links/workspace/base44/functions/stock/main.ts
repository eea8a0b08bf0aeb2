Deno.serve(() => Response.json({ inStock: true }));
