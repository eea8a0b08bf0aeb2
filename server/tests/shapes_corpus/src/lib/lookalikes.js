// Code that looks like the mistake but is not one. Nothing here may be flagged.
import axios from "axios";
import { base44 } from "@/api/base44Client";

const api = axios.create({ baseURL: "/api" });

export async function fromOwnApi() {
  const res = await api.get("/orders");
  return res.success ? res.data : [];
}

export function expressHandler(req, res) {
  res.status(200).json({ success: true });
  res.success = true;
}

export async function entityCall() {
  const res = await base44.entities.Order.list();
  return res.length;
}

export async function llm(prompt) {
  const res = await base44.integrations.Core.InvokeLLM({ prompt });
  return res.answer;
}

export async function reused() {
  let res = await base44.functions.invoke("get-settings");
  res = res.data;
  return res.theme;
}

export async function shadowing() {
  const res = await base44.functions.invoke("list-items");
  const items = res.data.items.map((res) => res.label);
  function format(res) {
    return res.success ? "ok" : "no";
  }
  {
    const res = { success: true };
    console.log(res.success);
  }
  return { items, format };
}

export async function handOff(store) {
  const res = await base44.functions.invoke("get-cart");
  store.setResponse(res);
  store.lastResponse = res;
  return [res, { res }];
}

export async function responseFields() {
  const res = await base44.functions.invoke("get-cart");
  if (res.status === 200 && res.headers["x-cache"] === "hit") return res.data;
  return res?.data?.cart ?? null;
}

export async function fromOtherSdk(client) {
  const res = await client.functions.run("get-cart");
  return res.cart;
}

export async function catchOfNonInvoke() {
  try {
    await base44.auth.updateMe({ theme: "dark" });
  } catch (err) {
    return err.data?.message;
  }
}

export async function catchChecksResponse() {
  try {
    await base44.functions.invoke("get-cart");
  } catch (err) {
    if (!err.response) throw err;
    return err.response.data?.error ?? err.data;
  }
}

export function typeOfResponse(res) {
  return typeof res === "object" && res.success;
}
