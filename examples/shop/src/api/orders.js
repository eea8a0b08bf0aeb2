import { base44 } from "@/api/base44Client";

/** Loads an order: resolves to the raw axios response (its JSON is on `.data`). */
export const loadOrder = (orderId) => base44.functions.invoke("process-order", { orderId, action: "load" });

/** Calls any function by name, with the app's default payload. */
export function callFunction(name, data = {}) {
  return base44.functions.invoke(name, { source: "shop", ...data });
}

// As the builder exports them: one function object per function.
export const sendReceipt = base44.functions["send-receipt"];
