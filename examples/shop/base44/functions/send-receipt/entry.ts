/** Emails a receipt for an order. */
export default async function sendReceipt(req: Request): Promise<Response> {
  const { orderId, email } = await req.json();
  // Set in the app's secrets; for a local run, in .env (this example leaves it out).
  const from = Deno.env.get("RECEIPTS_FROM");
  console.log(`receipt for ${orderId} from ${from} to ${email}`);
  return Response.json({ sent: true, orderId });
}
