import { base44 } from "./base44Client";

export async function receipt(orderId, email) {
  const { data } = await base44.functions.invoke("send-receipt", { orderId, email });
  return data.sent;
}
