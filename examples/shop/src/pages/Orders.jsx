import { useEffect, useState } from "react";
import { base44 } from "@/api/base44Client";
import { callFunction, loadOrder, sendReceipt } from "@/api/orders";

export default function Orders({ orderId }) {
  const [order, setOrder] = useState(null);

  useEffect(() => {
    // Deliberate mistake: loadOrder resolves to the axios response, set as the order.
    loadOrder(orderId).then(setOrder);
  }, [orderId]);

  async function resend(email) {
    // Deliberate mistake: a typo in a name passed through a wrapper.
    await callFunction("send-reciept", { orderId, email });
    const { data } = await sendReceipt({ orderId, email });
    return data.sent;
  }

  async function ship() {
    // Deliberate mistake: the SDK's functions module has only invoke and fetch.
    await base44.functions.processOrder({ orderId, action: "ship" });
  }

  return (
    <div>
      <p>Order {order?.orderId}</p>
      <button onClick={() => resend("me@example.com")}>Resend receipt</button>
      <button onClick={ship}>Ship</button>
    </div>
  );
}
