import { base44 } from "@/api/base44Client";

export async function ping() {
  const res = await base44.functions.invoke("ping", {});
  return res.ok && base44.functions.fetch("/pong");
}
