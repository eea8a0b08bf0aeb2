import { base44 } from "./base44Client";

export const typo = () => base44.functions.invoke("helo", {});
export const path = () => base44.functions.fetch("/nowhere", {});
