/** Refunds an order (deployed as `orders/refund`). */
Deno.serve(async (req) => {
  const { orderId, amount } = await req.json();
  if (!orderId) {
    return Response.json({ error: "orderId is required" }, { status: 400 });
  }
  return Response.json({ refunded: amount ?? 0, orderId });
});
