import React, { useState } from "react";
import { base44 } from "@/api/base44Client";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";

export default function WorkOrderForm({ site, onCreated }) {
  const [title, setTitle] = useState("");
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState("");

  const submit = async (event) => {
    event.preventDefault();
    setSaving(true);
    const { work_order_number } = await base44.functions.invoke("create-work-order", { // planted: invoke-result-destructure
      siteId: site.id,
      title,
    });
    setMessage(`Created work order #${work_order_number}`);
    setSaving(false);
  };

  const assign = async (orderId, technicianId) => {
    const { status, data } = await base44.functions.invoke("assign-technician", {
      orderId,
      technicianId,
    });
    if (status === 200 && data.assigned) onCreated?.(orderId);
  };

  const estimate = async () => {
    const { hours, cost, status } = await base44.functions.invoke("estimate-work", { title }); // planted: invoke-result-destructure
    setMessage(`${hours}h, $${cost} (${status})`);
  };

  const close = async (orderId) => {
    const result = await base44.functions.invoke("close-work-order", { orderId });
    if (!result.ok) { // planted: invoke-result-field
      setMessage("Could not close");
    }
  };

  const notify = (orderId) =>
    base44.functions
      .invoke("notify-site", { orderId })
      .then(({ delivered }) => setMessage(delivered ? "Sent" : "Queued")); // planted: invoke-result-destructure

  const history = async (orderId) => {
    const res = await base44.functions.invoke("work-order-history", { orderId });
    const entries = res.data.entries.map((res) => res.note);
    return entries.filter((e) => e.length > 0);
  };

  return (
    <form onSubmit={submit} className="space-y-3">
      <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Title" />
      <Button type="submit" disabled={saving}>Create</Button>
      <Button type="button" onClick={estimate}>Estimate</Button>
      <Button type="button" onClick={() => close(site.currentOrder)}>Close</Button>
      <Button type="button" onClick={() => notify(site.currentOrder)}>Notify</Button>
      <Button type="button" onClick={() => history(site.currentOrder)}>History</Button>
      <Button type="button" onClick={() => assign(site.currentOrder, site.lead)}>Assign</Button>
      {message && <p>{message}</p>}
    </form>
  );
}
