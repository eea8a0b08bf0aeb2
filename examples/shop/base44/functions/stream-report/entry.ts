/** Streams a sales report line by line. */
Deno.serve(() => {
  const lines = ["date,total", "2026-11-01,120", "2026-11-02,80"];
  const body = new ReadableStream({
    async start(controller) {
      for (const line of lines) {
        controller.enqueue(new TextEncoder().encode(line + "\n"));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/csv" } });
});
