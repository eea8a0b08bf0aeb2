base44.functions.invoke("ab", { x: 1 })
const { data } = await base44.functions.invoke("process-order", { orderId })