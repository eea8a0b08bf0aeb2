import { base44 } from "@/api/base44Client";

export interface ReportRow {
  day: string;
  revenue: number;
}

// Streams a CSV export chunk by chunk.
export async function streamExport(onChunk: (text: string) => void): Promise<void> {
  const response = await base44.functions.fetch("/export-report/csv", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ range: "30d" }),
  });
  if (!response.ok || !response.body) {
    throw new Error(`Export failed: ${response.status} ${response.statusText}`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk(decoder.decode(value));
  }
}

export async function fetchRows(range: string): Promise<ReportRow[]> {
  const res = await base44.functions.fetch(`/report-rows?range=${range}`);
  return res.data.rows; // planted: fetch-result-data
}

export async function fetchSummary(): Promise<{ total: number }> {
  const res = await base44.functions.fetch("/report-summary", { method: "GET" });
  if (res.status === 204) return { total: 0 };
  return { total: res.total }; // planted: fetch-result-field
}

export async function deleteReport(id: string): Promise<boolean> {
  const res = await base44.functions.fetch(`/reports/${id}`, { method: "DELETE" });
  return res.ok;
}

export async function reportMeta(id: string) {
  const res = await base44.functions.fetch(`/reports/${id}/meta`);
  const meta = await res.json();
  return { title: meta.title, pages: meta.data?.pages };
}

export async function loadReport(id: string) {
  const res = await base44.functions.invoke("load-report", { id });
  return res.data as { rows: ReportRow[] };
}

async function loadReportRaw(id: string) {
  return base44.functions.invoke("load-report", { id });
}

export async function reportTitle(id: string): Promise<string> {
  const report = await loadReportRaw(id);
  return report.title; // planted: invoke-result-field
}

export async function reportRowCount(id: string): Promise<number> {
  const { rows } = await loadReport(id);
  return rows.length;
}

export async function topCustomers(): Promise<string[]> {
  const { customers } = await base44.functions.fetch("/top-customers"); // planted: fetch-result-field
  return customers;
}
