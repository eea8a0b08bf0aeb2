export async function hello(name) {
  const { data } = await base44.functions.invoke("greet", { name });
  return data.hello;
}
