import { base44 } from "./base44Client";

export const greet = () => base44.functions.invoke("helo", {});
