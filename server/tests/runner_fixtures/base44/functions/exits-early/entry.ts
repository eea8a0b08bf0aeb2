// Exits while it is imported.
console.error("giving up");
Deno.exit(3);
