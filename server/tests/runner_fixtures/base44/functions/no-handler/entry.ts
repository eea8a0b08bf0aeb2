// Neither calls Deno.serve nor exports a handler.
export const helper = () => 42;
console.log("loaded without a handler");
