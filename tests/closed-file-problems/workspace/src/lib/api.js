export async function loadGreeting(name) {
  const res = await base44.functions.invoke("greet", { name });
  return res;
}
