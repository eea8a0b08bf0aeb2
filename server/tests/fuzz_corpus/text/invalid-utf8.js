base44.functions.invoke("café", { a: "ÿþ" });
Ã( base44.functions.invoke("â‚", {})
