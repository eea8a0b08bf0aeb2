// Correct code in the many styles real apps use. Nothing in this file may be flagged.
import React, { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { base44 } from "@/api/base44Client";
import { toast } from "sonner";

export default function Settings({ user }) {
  const [res, setRes] = useState(null);
  const [items, setItems] = useState([]);
  const [error, setError] = useState("");

  const prefs = useQuery({
    queryKey: ["prefs", user.id],
    queryFn: async () => {
      const { data } = await base44.functions.invoke("get-preferences", { userId: user.id });
      return data;
    },
  });

  const billing = useQuery({
    queryKey: ["billing"],
    queryFn: () => base44.functions.invoke("get-billing").then((r) => r.data),
  });

  useEffect(() => {
    base44.functions
      .invoke("list-integrations")
      .then(({ data }) => setItems(data.items))
      .catch((e) => setError(e.response?.data?.error ?? e.message));
    base44.functions
      .invoke("get-usage")
      .then((r) => r.data)
      .then((body) => setRes(body));
  }, []);

  async function save(values) {
    try {
      const response = await base44.functions.invoke("save-preferences", values);
      const result = response.data;
      if (result.success) toast.success("Saved");
      else setError(result.error);
    } catch (error) {
      console.error(error);
      toast.error(error.response?.data?.error || error.message);
    }
  }

  async function syncAll(ids) {
    let total = 0;
    for (const id of ids) {
      const r = await base44.functions.invoke("sync-integration", { id });
      total += r.data.count;
    }
    const [a, b] = await Promise.all([
      base44.functions.invoke("rebuild-index"),
      base44.functions.invoke("warm-cache"),
    ]);
    return { total, indexed: a.data.indexed, warmed: b.status === 200 };
  }

  async function exportSettings() {
    let out = await base44.functions.invoke("export-settings");
    out = out.data;
    return out.items;
  }

  async function stream() {
    const response = await base44.functions.fetch("/settings-stream", { method: "POST" });
    const reader = response.body.getReader();
    const { value } = await reader.read();
    return new TextDecoder().decode(value);
  }

  async function summary() {
    const res = await base44.functions.invoke("settings-summary");
    return { ...res.data, status: res.status, fallback: res.data ?? {} };
  }

  async function remove(id) {
    try {
      await base44.functions.invoke("delete-integration", { id });
    } catch (e) {
      setError(e.message);
    }
  }

  return (
    <div>
      {res && res.success && <p>Usage ok: {res.used}</p>}
      {prefs.data?.theme && <p>Theme: {prefs.data.theme}</p>}
      {billing.data?.plan && <p>Plan: {billing.data.plan}</p>}
      {items.map((i) => (
        <button key={i.id} onClick={() => remove(i.id)}>{i.name}</button>
      ))}
      {error && <p className="text-red-600">{error}</p>}
      <button onClick={() => save({ theme: "dark" })}>Save</button>
      <button onClick={() => syncAll(items.map((i) => i.id))}>Sync</button>
      <button onClick={exportSettings}>Export</button>
      <button onClick={stream}>Stream</button>
      <button onClick={summary}>Summary</button>
    </div>
  );
}
