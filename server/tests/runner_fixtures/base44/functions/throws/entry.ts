// Fails while handling the request.
Deno.serve(() => {
  console.log("about to fail");
  throw new Error("payment provider is down");
});
