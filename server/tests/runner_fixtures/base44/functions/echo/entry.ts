// Answers with what it received: payload, platform headers and a secret from the env file.
Deno.serve(async (req) => {
  const payload = await req.json();
  console.log("echo received", JSON.stringify(payload));
  console.error("authorization:", req.headers.get("Authorization"));
  return Response.json({
    method: req.method,
    payload,
    appId: req.headers.get("Base44-App-Id"),
    authorization: req.headers.get("Authorization"),
    secret: Deno.env.get("GREETING_SECRET") ?? null,
  });
});
