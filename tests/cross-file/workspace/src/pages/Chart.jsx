import { loadChart, withRetry } from "@/lib/api";

export default async function Chart() {
  const chart = await loadChart("7d");
  await withRetry("importFeed", { all: true });
  await withRetry("health");
  return chart.points.length;
}
