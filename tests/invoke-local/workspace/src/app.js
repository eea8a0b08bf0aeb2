import { base44 } from "./base44Client";

export const ping = () => base44.functions.invoke("echo", { n: 1, tags: ["a"] });
