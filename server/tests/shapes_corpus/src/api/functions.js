// Exported by the builder: one function object per backend function.
import { base44 } from "./base44Client";

export const createOrder = base44.functions.createOrder;
export const nightlySync = base44.functions["nightly-sync"];
export const sendInvoice = base44.functions.sendInvoice;
