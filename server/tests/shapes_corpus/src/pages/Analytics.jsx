import React, { useEffect, useState } from "react";
import chartApi, { loadChart, loadKpis, withRetry } from "@/lib/chartApi";
import { createOrder, nightlySync } from "@/api/functions";
import { base44 } from "@/api/base44Client";

export default function Analytics() {
  const [series, setSeries] = useState([]);
  const [kpis, setKpis] = useState(null);
  const [health, setHealth] = useState(null);
  const [sync, setSync] = useState(null);

  useEffect(() => {
    async function load() {
      const chart = await loadChart("30d");
      setSeries(chart.points); // planted: invoke-result-field
      const good = await loadChart("7d");
      console.log(good.data.points.length, good.status);
      setKpis(await loadKpis());
      const feeds = await withRetry("importFeeds", { source: "all" });
      console.log(feeds.imported); // planted: invoke-result-field
      const csv = await chartApi.exportCsv({ range: "30d" });
      window.open(csv.url); // planted: invoke-result-field
    }
    load();
    base44.functions.invoke("health").then(setHealth);
    nightlySync({ dryRun: true }).then((res) => setSync(res.data));
  }, []);

  async function reorder() {
    const { data } = await createOrder({ items: [] });
    const again = await createOrder({ items: [] });
    return [data.orderId, again.orderId]; // planted: invoke-result-field
  }

  return (
    <div onClick={reorder}>
      <span>{kpis?.revenue}</span>
      <span>{health?.score}</span> {/* planted: invoke-result-field */}
      <span>{health?.status}</span> {/* planted: invoke-result-field */}
      <span>{sync?.lastRun}</span>
      <ul>{series.map((p) => <li key={p.x}>{p.y}</li>)}</ul>
    </div>
  );
}
