import { base44 } from "@/api/base44Client";

export async function summaries() {
  const [daily, weekly] = await Promise.all([
    base44.functions.invoke("dailySummary").catch(() => null),
    base44.functions.invoke("weeklySummary").then((res) => res.data).catch(() => null),
  ]);
  return [daily?.summary, weekly?.summary]; // planted: invoke-result-field
}

export async function verify(code) {
  const res = await base44.functions.verifyCode({ code }); // planted: functions-member-call
  return res.data;
}

export async function aliases() {
  const fns = base44.functions;
  const { invoke } = base44.functions;
  const one = await fns.invoke("dailySummary");
  const two = await invoke("weeklySummary");
  return [one.summary, two.data.summary]; // planted: invoke-result-field
}

export async function saveReport(report) {
  try {
    const res = await base44.functions.invoke("saveReport", report);
    if (!res.data?.ok) {
      const err = new Error("Report was not saved");
      err._debug = res.data;
      throw err;
    }
  } catch (e) {
    console.error(e?._debug, e?.raw?.status || e?.status);
  }
}
