import { base44 } from "./base44Client";

export async function greet(name) {
  const res = await base44.functions.invoke("", { name });
  return res.data.greeting;
}

export async function partly() {
  return base44.functions.invoke("he", {});
}

export async function email() {
  return base44.functions.fetch("/", { method: "POST" });
}
