import { base44 } from "@/api/base44Client";

function withRetry(name, data) {
  return base44.functions.invoke(name, data);
}

export async function run(orderId) {
  await base44.functions.invoke("process-order", { orderId });
  await base44.functions.fetch("/orders/refund/42?full=1");
  await base44.functions["orders/refund"]({ orderId });
  await base44.functions.checkStock({ orderId });
  await withRetry("process-order", { orderId });
  await base44.functions.invoke("proces-order", { orderId });
}
