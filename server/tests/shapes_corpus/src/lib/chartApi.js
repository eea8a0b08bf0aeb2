import { base44 } from "@/api/base44Client";

// Returns the raw axios response: callers must read `.data`.
export const loadChart = (range) => base44.functions.invoke("loadChart", { range });

// Unwraps: callers get the function's JSON.
export async function loadKpis() {
  const res = await base44.functions.invoke("loadKpis");
  return res.data;
}

export async function withRetry(fnName, payload, tries = 3) {
  let lastError;
  for (let attempt = 0; attempt < tries; attempt++) {
    try {
      return await base44.functions.invoke(fnName, payload);
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

export default {
  exportCsv: (filters) => base44.functions.invoke("exportCsv", filters),
};
