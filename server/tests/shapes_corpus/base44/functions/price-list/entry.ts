import { createClientFromRequest } from "npm:@base44/sdk@0.8.0";
import { quote } from "../_lib/pricing.ts";

Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const { skus } = await req.json();
  const prices = [];
  for (const sku of skus) {
    const price = await quote(base44, sku);
    prices.push({ sku, amount: price.amount }); // planted: invoke-result-field
  }
  const first = await quote(base44, skus[0]);
  return Response.json({ prices, currency: first.data.currency });
});
