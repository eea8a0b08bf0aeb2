/** Sends one email through Resend. */
Deno.serve(async (req) => {
  const { to, subject, body } = await req.json();
  if (!to || !subject) {
    return Response.json({ error: "to and subject are required" }, { status: 400 });
  }
  const key = Deno.env.get("RESEND_API_KEY");
  const sent = await fetch("https://api.resend.com/emails", {
    method: "POST",
    headers: { Authorization: `Bearer ${key}` },
    body: JSON.stringify({ to, subject, text: body ?? "" }),
  });
  const { id } = await sent.json();
  return Response.json({ sent: true, id });
});
