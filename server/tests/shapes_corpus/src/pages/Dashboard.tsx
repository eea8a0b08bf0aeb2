import React from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { base44 } from "@/api/base44Client";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "sonner";

type Stats = { total: number; open: number; revenue: number };

export default function Dashboard() {
  const queryClient = useQueryClient();

  const { data: stats, isLoading } = useQuery({
    queryKey: ["dashboard-stats"],
    queryFn: () => base44.functions.invoke("get-dashboard-stats"),
  });

  const { data: team } = useQuery({
    queryKey: ["team"],
    queryFn: async () => {
      const res = await base44.functions.invoke("list-team");
      return res.data as { members: string[] };
    },
  });

  const activity = useQuery({
    queryKey: ["activity"],
    queryFn: () => base44.functions.invoke("recent-activity", { limit: 20 }),
    select: (res) => res.data.events,
  });

  const alerts = useQuery({
    queryKey: ["alerts"],
    queryFn: async () => {
      const response = await base44.functions.invoke("list-alerts");
      return response;
    },
    refetchInterval: 60_000,
  });

  const archive = useMutation({
    mutationFn: (orderId: string) =>
      base44.functions.invoke("archive-order", { orderId }),
    onSuccess: (result) => {
      if (result.archived) { // planted: invoke-result-field
        toast.success("Archived");
      }
      queryClient.invalidateQueries({ queryKey: ["dashboard-stats"] });
    },
    onError: (error: any) => toast.error(error.response?.data?.error ?? error.message),
  });

  const resend = useMutation({
    mutationFn: async (id: string) => (await base44.functions.invoke("resend-invoice", { id })).data,
    onSuccess: (body) => toast.success(body.sentTo),
  });

  const { mutateAsync: exportCsv, isPending: exporting } = useMutation({
    mutationFn: () => base44.functions.invoke("export-dashboard"),
  });

  async function download() {
    const file = await exportCsv();
    window.open(file.url, "_blank"); // planted: invoke-result-field
    toast.success(`Exported ${file.data.rows} rows`);
  }

  if (isLoading) return <Skeleton className="h-40" />;

  return (
    <div className="grid grid-cols-3 gap-4">
      <Metric label="Orders" value={stats?.total} /> {/* planted: invoke-result-field */}
      <Metric label="Open" value={stats?.data?.open} />
      <Metric label="Team" value={team?.members.length} />
      <ul>
        {activity.data?.map((event: { id: string; text: string }) => (
          <li key={event.id}>{event.text}</li>
        ))}
      </ul>
      {alerts.data?.items?.map((a: { id: string }) => ( /* planted: invoke-result-field */
        <Badge key={a.id}>{a.id}</Badge>
      ))}
      <button onClick={() => archive.mutate("o-1")}>Archive</button>
      <button onClick={() => resend.mutate("inv-1")}>Resend</button>
      <button onClick={download} disabled={exporting}>Export</button>
    </div>
  );
}

function Metric({ label, value }: { label: string; value?: number }) {
  return (
    <div className="rounded border p-4">
      <div className="text-sm text-muted-foreground">{label}</div>
      <div className="text-2xl font-semibold">{value ?? "—"}</div>
    </div>
  );
}

export async function loadOverview() {
  const [orders, customers, settings] = await Promise.all([
    base44.functions.invoke("count-orders"),
    base44.functions.invoke("count-customers"),
    base44.entities.Settings.list(),
  ]);
  return {
    orders: orders.count, // planted: invoke-result-field
    customers: customers.data.count,
    currency: settings[0]?.currency,
  };
}

export async function loadPanels() {
  const results = await Promise.allSettled([
    base44.functions.invoke("panel-sales"),
    base44.functions.invoke("panel-support"),
  ]);
  const [sales, support] = results;
  const panels: Stats[] = [];
  if (sales.status === "fulfilled") panels.push(sales.value.data);
  if (support.status === "fulfilled") panels.push(support.value.panel); // planted: invoke-result-field
  return panels;
}
