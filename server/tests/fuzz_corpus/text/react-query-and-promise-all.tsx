const q = useQuery({ queryFn: () => base44.functions.invoke("process-order", {}) });
q.data.success;
const [a, b] = await Promise.all([base44.functions.invoke("checkStock"), base44.functions.fetch("/orders/refund")]);
a.ok; b.data;
const { data: { x } } = await base44.functions.invoke("process-order", { orderId: 1, action: "ship" });
