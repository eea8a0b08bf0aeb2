import { base44 } from "./client";

export async function loadFlags() {
  const res = await base44.functions.invoke("get-flags");
  return res?.flags ?? {};
}

export async function order(sku) {
  const { ok, order } = await base44.functions.invoke("place-order", { sku });
  return ok ? order : null;
}

export async function fine() {
  const res = await base44.functions.invoke("get-flags");
  return res.data.flags;
}
