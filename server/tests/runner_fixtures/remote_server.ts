// A stand-in for `base44 dev` in the runner's remote tests: serves
// /api/apps/:appId/functions/:name, checks the bearer token and app id, and answers like `echo`.
const port = Number(Deno.env.get("REMOTE_PORT"));
const expectedToken = Deno.env.get("REMOTE_TOKEN");
const route = new URLPattern({ pathname: "/api/apps/:appId/functions/:name" });

Deno.serve({ hostname: "127.0.0.1", port, onListen: () => console.log("remote ready") }, async (req) => {
  const match = route.exec(req.url);
  if (!match || req.method !== "POST") {
    return Response.json({ error: "not found" }, { status: 404 });
  }
  if (req.headers.get("Authorization") !== `Bearer ${expectedToken}`) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  const { appId, name } = match.pathname.groups;
  if (appId !== "fixture-app") {
    return Response.json({ error: `unknown app ${appId}` }, { status: 404 });
  }
  return Response.json({
    function: name,
    appIdHeader: req.headers.get("X-App-Id"),
    payload: await req.json(),
  });
});
