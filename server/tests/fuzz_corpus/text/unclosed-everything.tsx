const { data: } = await base44.functions.invoke("process-order", { orderId: 
<div>{`${res.data.
try { await base44.functions.fetch("/orders/refund" } catch (e) { e.data
Deno.serve(async (req) => { const { a, ...rest } = await req.json(
/* never closed
