import { base44 } from "./api";

export async function load() {
  const stats = await base44.functions.invoke("admin/stats");
  await base44.functions.invoke("sendEmail", { to: "a@b.c", subject: "hi" });
  await base44.functions.invoke("helpers");
  return stats.data;
}
