//! Which client a call is on: other SDKs' look-alikes are never checked.

use super::*;

#[test]
fn other_sdks_look_alikes_are_never_checked() {
    let fixture = r#"
//- /src/lib/supabase.js
import { createClient } from "@supabase/supabase-js";
export const supabase = createClient("url", "key");
//- /src/pages/Other.jsx
import { supabase } from "@/lib/supabase";
import { createClient } from "@supabase/supabase-js";
const sb = createClient("url", "key");
export async function other() {$0
  const { data, error } = await supabase.functions.invoke("hello", { body: {} });
  const again = await sb.functions.invoke("hello");
  return [data.message, error, again.data, again.error];
}
"#;
    assert_eq!(sites(fixture), Vec::<String>::new());
    assert_eq!(check(fixture), Vec::<String>::new());
}

#[test]
fn another_sdks_client_from_the_apps_own_module_whatever_its_name() {
    let fixture = r#"
//- /src/lib/edge.js
import { createClient } from "@supabase/supabase-js";
export const client = createClient("url", "key");
//- /src/pages/Edge.jsx
import { client } from "@/lib/edge";
export async function run() {$0
  const { data, error } = await client.functions.invoke("summarize", { body: {} });
  return [data.summary, error];
}
"#;
    assert_eq!(sites(fixture), Vec::<String>::new());
    assert_eq!(check(fixture), Vec::<String>::new());
}
