import { base44 } from "../api/base44Client";

export async function sendWelcome(user) {
  const res = await base44.functions.invoke("send-email", { to: user.email, subjct: "Welcome" });
  return res.data.sentt ? res.data.id : null;
}

export async function ping() {
  await base44.functions.invoke("send-email", { to: "ops@example.com" });
  await base44.functions.invoke("send-email", "ops@example.com");
}
