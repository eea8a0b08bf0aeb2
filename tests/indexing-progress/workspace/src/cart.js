import { base44 } from "@/api/base44Client";

export async function checkout(order) {
  const stock = await base44.functions.invoke("check-stock", { id: order.id });
  await base44.functions.invoke("send-receipt", { order });
  return stock.data;
}
