Deno.serve(() => Response.json({ inStock: 3 }));
