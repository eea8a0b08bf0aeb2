import { useState } from "react";
import { base44 } from "@/api/base44Client";

export default function Checkout({ orderId }) {
  const [status, setStatus] = useState("idle");

  async function pay() {
    const res = await base44.functions.invoke("process-order", { orderId, action: "ship" });
    // Deliberate mistake: the function's JSON is on res.data.
    if (res.success) {
      setStatus("paid");
    }
  }

  async function refund() {
    // Deliberate mistake: a typo in the function name.
    await base44.functions.invoke("orders/refnd", { orderId, amount: 10 });
  }

  async function receipt(email) {
    const { data } = await base44.functions.invoke("send-receipt", { orderId, email });
    return data.sent;
  }

  return (
    <div>
      <p>Status: {status}</p>
      <button onClick={pay}>Pay</button>
      <button onClick={refund}>Refund</button>
      <button onClick={() => receipt("me@example.com")}>Receipt</button>
    </div>
  );
}
