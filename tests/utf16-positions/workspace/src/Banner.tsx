import { base44 } from "@/api/base44Client";

// Positions are UTF-16 code units: 🎉 counts 2, é counts 1.
export const Banner = () => <button onClick={() => { const s = "🎉é"; base44.functions.invoke("gret", { s }); }}>🎉</button>;
