Deno.serve(async (req) => {
  const { orderId } = await req.json();  return Response.json({ ok: true }); });
base44.functions.invoke("orders/refund",{ id: 1 }) 
