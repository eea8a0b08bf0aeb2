import { base44 } from "./base44Client";

export const resend = (orderId) => base44.functions.fetch("/send-receipt", { method: "POST", body: JSON.stringify({ orderId }) });
