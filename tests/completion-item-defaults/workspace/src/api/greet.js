import { base44 } from "./base44Client";

export async function greet(name) {
  const res = await base44.functions.invoke("", { name });
  return res.data.greeting;
}

export async function email() {
  return base44.functions.fetch("/se", { method: "POST" });
}

export async function inputs() {
  return base44.functions.invoke("hello", { na });
}
