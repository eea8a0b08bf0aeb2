import { base44 } from "./base44Client";

export async function checkout() {
  await base44.functions.invoke("pay", {});
  // publish belongs to the blog, another project: not callable from here.
  await base44.functions.invoke("publish", {});
  await base44.functions.invoke("", {});
}
