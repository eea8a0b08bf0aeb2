import { createClientFromRequest } from "npm:@base44/sdk";

/** Ships an order. */
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const { orderId, action = "ship", "gift-note": note } = await req.json();
  await base44.asServiceRole.functions.invoke("orders/refund", { orderId });
  return Response.json({ ok: true, orderId, action, note });
});
