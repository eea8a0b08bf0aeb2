// Streams three lines with pauses, so a client that reads as it arrives sees them apart.
const encoder = new TextEncoder();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.serve(() => {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const n of [1, 2, 3]) {
        controller.enqueue(encoder.encode(`chunk ${n}\n`));
        console.log(`sent chunk ${n}`);
        await pause(300);
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
});
