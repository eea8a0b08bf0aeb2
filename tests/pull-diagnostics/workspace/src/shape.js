export async function hello(name) {
  const res = await base44.functions.invoke("greet", { name });
  return res.hello;
}
