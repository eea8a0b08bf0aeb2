Deno.serve(() => Response.json({ imported: 0 }));
