import { base44 } from "@/api/base44Client";

// A file name with a comma, a space and a percent sign; names GitHub's workflow commands must encode.
export async function refund(orderId) {
  const réponse = await base44.functions.invoke("orders/refund", { orderId });
  if (réponse.success) return true;
  await base44.functions.invoke("orders/refnd", { orderId });
  return base44.functions.invoke("100%:off,now", {});
}
