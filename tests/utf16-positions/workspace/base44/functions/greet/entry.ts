Deno.serve(() => Response.json({ hi: "👋" }));
