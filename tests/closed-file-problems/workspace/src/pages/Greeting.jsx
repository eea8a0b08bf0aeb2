import { loadGreeting } from "../lib/api.js";

export async function show(name) {
  const greeting = await loadGreeting(name);
  return greeting.hello;
}
