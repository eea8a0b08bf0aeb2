Deno.serve(async (req) => {
  const { orderId } = await req.json();
  return Response.json({ success: true, orderId });
});
