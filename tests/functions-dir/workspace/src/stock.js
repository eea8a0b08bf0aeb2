import { base44 } from "./base44Client";

export const inStock = () => base44.functions.invoke("stock-check", {});
export const greet = () => base44.functions.invoke("hello", {});
// base44/functions is not the functions folder of this project.
export const old = () => base44.functions.invoke("old", {});
