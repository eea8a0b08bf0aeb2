export default async function refund(req: Request) {
  return Response.json({ refunded: true });
}
