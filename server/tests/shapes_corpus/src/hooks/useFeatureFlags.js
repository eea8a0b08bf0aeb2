import { useEffect, useState } from "react";
import { base44 } from "@/api/base44Client";

const DEFAULT_FLAGS = { newCheckout: false, betaReports: false };

// Loads the app's feature flags once per session.
export function useFeatureFlags() {
  const [flags, setFlags] = useState(DEFAULT_FLAGS);

  useEffect(() => {
    let cancelled = false;
    async function load() {
      const res = await base44.functions.invoke("get-feature-flags");
      if (!cancelled && res?.flags) { // planted: invoke-result-field
        setFlags({ ...DEFAULT_FLAGS, ...res.flags }); // planted: invoke-result-field
      }
    }
    load();
    return () => {
      cancelled = true;
    };
  }, []);

  return flags;
}

// Some pages hedge between shapes; the raw side never holds the JSON.
export async function loadLimits() {
  const res = await base44.functions.invoke("get-plan-limits");
  const seats = res?.data?.seats ?? res?.seats; // planted: invoke-result-hedge
  const body = res?.data || res; // planted: invoke-result-hedge
  return { seats, projects: body.projects };
}

// A helper that unwraps whatever it is given: the response is its business.
function unwrap(response) {
  return response && "data" in response ? response.data : response;
}

export async function loadProfile(userId) {
  const res = await base44.functions.invoke("get-profile", { userId });
  const profile = unwrap(res);
  return { name: profile.name, avatar: profile.avatarUrl };
}

export async function isFeatureOn(name) {
  let result = null;
  try {
    result = await base44.functions.invoke("check-feature", { name });
  } catch {
    return false;
  }
  return result.ok === true; // planted: invoke-result-field
}

export async function pingAll(names) {
  const responses = await Promise.all(names.map((n) => base44.functions.invoke("ping", { n })));
  return responses.map((r) => r.status);
}
