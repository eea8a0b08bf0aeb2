import { createClientFromRequest } from "npm:@base44/sdk";

type SyncResult = { synced: number; failed: string[] };

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const accounts = await base44.asServiceRole.entities.Account.filter({ active: true });
  const result: SyncResult = { synced: 0, failed: [] };

  for (const account of accounts) {
    try {
      const res = await base44.asServiceRole.functions.invoke("sync-account", { id: account.id });
      if (res.data?.changed) {
        result.synced += 1;
      }
    } catch (err) {
      result.failed.push(`${account.id}: ${err.response?.data?.error ?? err.message}`);
    }
  }

  const summary = await base44.asServiceRole.functions.invoke("summarize-sync", result);
  await base44.asServiceRole.functions
    .invoke("post-to-slack", { text: summary.text }) // planted: invoke-result-field
    .then((res) => console.log("slack", res.status, res.data));

  const health = await base44.asServiceRole.functions.fetch("/health-check");
  const report = health.data; // planted: fetch-result-data

  return Response.json({ ...result, healthy: health.ok, report });
});

// A plain fetch to another service: its own Response, not a function call.
export async function notifyPager(url: string) {
  const res = await fetch(url, { method: "POST" });
  const body = await res.json();
  return body.data?.incident;
}

export function withRetry<T>(run: () => Promise<T>, times = 3): Promise<T> {
  return run().catch((err) => (times > 1 ? withRetry(run, times - 1) : Promise.reject(err)));
}
