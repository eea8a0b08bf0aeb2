import { base44 } from "./base44Client";

export async function both() {
  const hello = await base44.functions.invoke("hello", {});
  const bye = await base44.functions.invoke("goodbye", {});
  return [hello.data, bye.data];
}
