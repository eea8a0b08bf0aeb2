// Throws while it is imported, before it could serve anything.
console.log("reading config");
throw new Error("STRIPE_KEY is not set");
