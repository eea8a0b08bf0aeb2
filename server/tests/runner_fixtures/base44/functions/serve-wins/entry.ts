// Calls Deno.serve with options (its port is ignored) and also has a default export:
// a module that serves itself during import wins over its default export.
Deno.serve({ port: 9, hostname: "0.0.0.0" }, () => Response.json({ servedBy: "Deno.serve" }));

export default {
  fetch(): Response {
    return Response.json({ servedBy: "default export" });
  },
};
