import { useEffect, useState } from "react";
import { base44 } from "@/api/base44Client";

export function StockBadge({ sku }: { sku: string }) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    base44.functions.invoke("checkStock", { sku }).then((res) => setCount(res.data.inStock));
  }, [sku]);
  return <span>{count ?? "…"} in stock</span>;
}

/** The stock of the demo product, for the storybook. */
export async function demoStock(): Promise<number> {
  const res = await base44.functions.invoke("checkStock", { sku: "SKU-1" });
  return res.data.inStock;
}

export async function downloadReport(): Promise<string> {
  const response = await base44.functions.fetch("/stream-report", { method: "POST" });
  return await response.text();
}

export async function legacyExport(): Promise<Response> {
  // Deliberate mistake: there is no function at this path.
  return base44.functions.fetch("/export-csv");
}
