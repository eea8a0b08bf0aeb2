export async function greet(name) {
  return base44.functions.invoke("gret", { name });
}
