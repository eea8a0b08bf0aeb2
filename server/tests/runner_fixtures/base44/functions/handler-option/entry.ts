// Deno.serve({ ...options, handler }): the handler travels inside the options.
Deno.serve({
  port: 8000,
  onListen: () => console.log("the runner replaces onListen, so this never prints"),
  handler: (req) => Response.json({ shape: "options with handler", url: new URL(req.url).pathname }),
});
