Deno.serve(() => Response.json({ status: "ok", score: 1 }));
