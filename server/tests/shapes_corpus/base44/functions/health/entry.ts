Deno.serve(async () => {
  const started = performance.now();
  const score = await probe();
  return Response.json({ status: score > 0.9 ? "ok" : "degraded", score, tookMs: performance.now() - started });
});

async function probe(): Promise<number> {
  return 1;
}
