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
    // Deliberate mistake: the function answers `{ sent, orderId }`.
    return data.send;
  }

  async function cancel() {
    // Deliberate mistake: the function reads `orderId`.
    await base44.functions.invoke("process-order", { orderID: orderId, action: "cancel" });
  }

  async function resend(email) {
    // Deliberate mistake: the SDK takes an object of named parameters, not a list.
    await base44.functions.invoke("send-receipt", [orderId, email]);
  }

  return (
    <div>
      <p>Status: {status}</p>
      <button onClick={pay}>Pay</button>
      <button onClick={refund}>Refund</button>
      <button onClick={() => receipt("me@example.com")}>Receipt</button>
      <button onClick={cancel}>Cancel</button>
      <button onClick={() => resend("me@example.com")}>Resend</button>
    </div>
  );
}
