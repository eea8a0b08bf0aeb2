import { base44 } from "./base44Client";

export const post = () => base44.functions.invoke("publish", { id: 1 });
