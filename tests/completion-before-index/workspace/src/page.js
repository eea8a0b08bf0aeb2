export const ask = () => base44.functions.invoke("", {});
