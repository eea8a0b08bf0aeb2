import { base44 } from "@/api/base44Client";

export const loadChart = (range) => base44.functions.invoke("loadChart", { range });

export async function withRetry(fnName, payload) {
  try {
    return await base44.functions.invoke(fnName, payload);
  } catch {
    return await base44.functions.invoke(fnName, payload);
  }
}
