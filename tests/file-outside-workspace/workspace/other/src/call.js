import { base44 } from "./base44Client";

export const a = () => base44.functions.invoke("outside", {});
export const b = () => base44.functions.invoke("inside", {});
