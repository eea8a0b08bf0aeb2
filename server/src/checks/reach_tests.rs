//! Following invokes across files, through wrappers, function objects, state and aliases:
//! each pattern of a survey of public Base44 apps, with its correct look-alikes. Fixtures
//! are one string with `//- /path` headers; the `$0` file is checked against the others.

use crate::testing::Cursor;

/// The functions every fixture's project has.
const PROJECT: &str = r#"
//- /base44/config.jsonc
{}
//- /base44/functions/loadChart/entry.ts
Deno.serve(() => Response.json({ points: [] }));
//- /base44/functions/health/entry.ts
Deno.serve(() => Response.json({ status: "ok", score: 1 }));
//- /base44/functions/importFeeds/entry.ts
Deno.serve(() => Response.json({ ok: true }));
//- /base44/functions/verify-code/entry.ts
Deno.serve(() => Response.json({ ok: true }));
//- /base44/functions/checkout/entry.ts
Deno.serve(() => Response.json({ url: "" }));
//- /base44/functions/billing/refund/entry.ts
Deno.serve(() => Response.json({ ok: true }));
//- /base44/functions/a/entry.ts
Deno.serve(() => Response.json({ summary: "" }));
//- /base44/functions/b/entry.ts
Deno.serve(() => Response.json({ summary: "" }));
//- /base44/functions/send-email/entry.ts
Deno.serve(() => Response.json({ sent: true }));
//- /package.json
{ "dependencies": { "@base44/sdk": "0.8.0" } }
//- /src/api/base44Client.js
import { createClient } from "@base44/sdk";
export const base44 = createClient({ appId: "app" });
"#;

/// `line:col code: message` for each diagnostic of the `$0` file (1-based), with any
/// related place as ` [see path:line]`.
fn check(fixture: &str) -> Vec<String> {
    let cursor = Cursor::fixture(&format!("{PROJECT}{fixture}"));
    let label = cursor.index.projects[0].project.label();
    let lines = crate::syntax::text::LineIndex::new(&cursor.text);
    cursor
        .report()
        .diagnostics
        .iter()
        .map(|d| {
            let (line, col) = lines.line_char_col(&cursor.text, d.range.start);
            let related: String = d
                .related
                .iter()
                .map(|r| {
                    let text = std::fs::read_to_string(&r.path).unwrap_or_default();
                    let (line, _) = crate::syntax::text::LineIndex::new(&text).line_char_col(&text, r.range.start);
                    format!(" [see {}:{line}]", cursor.relative(&r.path))
                })
                .collect();
            format!("{line}:{col} {}: {}{related}", d.code, d.message).replace(&label, "app")
        })
        .collect()
}

/// Each fix on offer in the `$0` file: its title, then each file it edits as it would be
/// after the fix (the lines that changed only).
fn fixes(fixture: &str) -> Vec<String> {
    let cursor = Cursor::fixture(&format!("{PROJECT}{fixture}"));
    let mut out = Vec::new();
    for diagnostic in cursor.report().diagnostics {
        for fix in diagnostic.fixes {
            out.push(fix.title.clone());
            let mut paths: Vec<_> = fix.edits.iter().map(|e| e.path.clone()).collect();
            paths.dedup();
            for path in paths {
                let before = std::fs::read_to_string(&path).unwrap_or_default();
                let mut after = before.clone();
                let mut edits: Vec<_> = fix.edits.iter().filter(|e| e.path == path).collect();
                edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
                for edit in edits {
                    after.replace_range(edit.range.clone(), &edit.new_text);
                }
                for (old, new) in before.lines().zip(after.lines()) {
                    if old != new {
                        out.push(format!("  {}: {}", cursor.relative(&path), new.trim()));
                    }
                }
            }
        }
    }
    out
}

/// The `$0` file's call sites as `name@written text`.
fn sites(fixture: &str) -> Vec<String> {
    let cursor = Cursor::fixture(&format!("{PROJECT}{fixture}"));
    cursor.sites().iter().map(|s| format!("{}@{}", s.value, &cursor.text[s.content.clone()])).collect()
}

#[test]
fn a_helper_module_returning_the_raw_response() {
    let found = check(
        r#"
//- /src/lib/api.js
import { base44 } from "@/api/base44Client";
export const loadChart = (range) => base44.functions.invoke("loadChart", { range });
//- /src/pages/Chart.jsx
import { loadChart } from "../lib/api";
export async function Chart() {$0
  const chart = await loadChart("7d");
  const fine = (await loadChart("1d")).data.points;
  return chart.points.length + fine.length;
}
"#,
    );
    assert_eq!(
        found,
        [
            "5:10 invoke-result-field: `chart.points` reads the axios response of \"loadChart\" (returned by `loadChart` in src/lib/api.js); its JSON is on `chart.data` [see src/lib/api.js:2]"
        ]
    );
}

#[test]
fn a_helper_that_unwraps_is_fine() {
    let found = check(
        r#"
//- /src/lib/api.js
import { base44 } from "@/api/base44Client";
export async function loadChart() {
  const res = await base44.functions.invoke("loadChart");
  return res.data;
}
export default async function loadHealth() {
  const { data } = await base44.functions.invoke("health");
  return data;
}
//- /src/pages/Chart.jsx
import loadHealth, { loadChart } from "@/lib/api";
export async function Chart() {$0
  const chart = await loadChart();
  const health = await loadHealth();
  return [chart.points, health.score];
}
"#,
    );
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn state_set_from_a_raw_response() {
    let found = check(
        r#"
//- /src/pages/Health.jsx
import { useEffect, useState } from "react";
import { base44 } from "@/api/base44Client";
export default function Health() {$0
  const [health, setHealth] = useState(null);
  const [data, setData] = useState();
  const [fine, setFine] = useState(null);
  useEffect(() => {
    base44.functions.invoke("health").then(setHealth);
    base44.functions.invoke("health").then((res) => setData(res));
    base44.functions.invoke("health").then((res) => setFine(res.data));
  }, []);
  const ok = data?.status === 200;
  return <p>{health?.status} {data?.score} {fine?.score} {fine?.status} {ok}</p>;
}
"#,
    );
    assert_eq!(
        found,
        [
            "13:14 invoke-result-field: `health?.status` is the axios response's own `status`, not the `status` \"health\" returns in its JSON; that is `health.data.status`",
            "13:31 invoke-result-field: `data?.score` reads the axios response of \"health\"; its JSON is on `data.data`",
        ]
    );
}

#[test]
fn state_with_another_writer_is_unknown() {
    let found = check(
        r#"
//- /src/pages/Health.jsx
import { useState } from "react";
import { base44 } from "@/api/base44Client";
export default function Health() {$0
  const [data, setData] = useState(null);
  const load = async () => setData(await base44.functions.invoke("health"));
  const reset = () => setData({ score: 0 });
  return <p onClick={load}>{data?.score}</p>;
}
"#,
    );
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn promise_all_with_catch_fallbacks() {
    let found = check(
        r#"
//- /src/pages/Summary.jsx
import { base44 } from "@/api/base44Client";
export async function load() {$0
  const [a, b] = await Promise.all([
    base44.functions.invoke("a").catch(() => null),
    base44.functions.invoke("b").then((r) => r.data).catch(() => null),
  ]);
  return [a?.summary, b?.summary];
}
"#,
    );
    assert_eq!(
        found,
        ["7:11 invoke-result-field: `a?.summary` reads the axios response of \"a\"; its JSON is on `a.data`"]
    );
}

#[test]
fn a_wrapper_passing_its_first_parameter_to_invoke() {
    let fixture = r#"
//- /src/lib/retry.js
import { base44 } from "@/api/base44Client";
export async function withRetry(fnName, payload, tries = 3) {
  for (let i = 0; i < tries; i++) {
    try {
      return await base44.functions.invoke(fnName, payload);
    } catch (err) {
      if (i === tries - 1) throw err;
    }
  }
}
//- /src/pages/Feeds.jsx
import { withRetry } from "@/lib/retry";
export async function sync() {$0
  await withRetry("importFeed", { all: true });
  const res = await withRetry("importFeeds", {});
  return res.ok;
}
"#;
    assert_eq!(sites(fixture), ["importFeed@importFeed", "importFeeds@importFeeds"]);
    assert_eq!(
        check(fixture),
        [
            "3:20 unknown-function: Unknown function \"importFeed\" in project app; did you mean \"importFeeds\"?",
            "5:10 invoke-result-field: `res.ok` reads the axios response of \"importFeeds\" (returned by `withRetry` in src/lib/retry.js); its JSON is on `res.data` [see src/lib/retry.js:5]",
        ]
    );
}

#[test]
fn a_functions_member_the_sdk_does_not_have() {
    let found = check(
        r#"
//- /src/pages/Verify.jsx
import { base44 } from "@/api/base44Client";
export async function verify(code) {$0
  await base44.functions.verifyCode({ code });
  await base44.functions.checkout({ plan: "pro" });
  return base44.functions.invoke("verify-code", { code });
}
"#,
    );
    assert_eq!(
        found,
        [
            "3:26 functions-member-call: `functions.verifyCode(…)` throws: the SDK's functions module has only `invoke` and `fetch`, and project app has no function \"verifyCode\"; did you mean \"verify-code\"?"
        ]
    );
}

#[test]
fn builder_function_objects_and_their_calls() {
    let fixture = r#"
//- /src/api/functions.js
import { base44 } from "./base44Client";
export const checkout = base44.functions.checkout;
export const refund = base44.functions["billing/refund"];
export const chekout2 = base44.functions.chekout;
//- /src/pages/Pay.jsx
import { checkout, refund } from "@/api/functions";
export async function pay() {$0
  const { data } = await checkout({ plan: "pro" });
  const res = await refund({ id: 1 });
  return [data.url, res.ok];
}
"#;
    assert_eq!(sites(fixture), ["checkout@checkout", "billing/refund@refund"]);
    assert_eq!(
        check(fixture),
        [
            "5:21 invoke-result-field: `res.ok` reads the axios response of \"billing/refund\"; its JSON is on `res.data`"
        ]
    );
    let defining = r#"
//- /src/api/functions.js
import { base44 } from "./base44Client";
export const checkout = base44.functions.checkout;$0
export const later = base44.functions.chekout;
"#;
    assert_eq!(
        check(defining),
        ["3:39 unknown-function: Unknown function \"chekout\" in project app; did you mean \"checkout\"?"]
    );
}

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
fn a_catch_whose_try_throws_its_own_errors() {
    let found = check(
        r#"
//- /src/pages/Save.jsx
import { base44 } from "@/api/base44Client";
export async function save() {$0
  try {
    const r = await base44.functions.invoke("a");
    if (!r.data.ok) {
      const err = new Error("failed");
      err._debug = r.data;
      throw err;
    }
  } catch (e) {
    return e?._debug ?? e?.raw?.status ?? e?.status;
  }
  try {
    await base44.functions.invoke("b");
  } catch (e) {
    return e.error;
  }
}
"#,
    );
    assert_eq!(
        found,
        [
            "16:12 invoke-error-body: `e.error` is not set when invoke(\"b\") fails: the function's error body is on `e.response.data`"
        ]
    );
}

#[test]
fn a_catch_whose_try_calls_code_that_throws() {
    let found = check(
        r#"
//- /src/pages/Save.jsx
import { base44 } from "@/api/base44Client";
function assertValid(form) {
  if (!form.name) throw Object.assign(new Error("invalid"), { field: "name" });
}
export async function save(form) {$0
  try {
    assertValid(form);
    await base44.functions.invoke("a", form);
  } catch (e) {
    return e.field;
  }
}
"#,
    );
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn a_catch_around_a_wrapper_that_throws() {
    let found = check(
        r#"
//- /src/lib/call.js
import { base44 } from "@/api/base44Client";
export async function call(name, data) {
  const res = await base44.functions.invoke(name, data);
  if (res.data?.error) throw new Error(res.data.error);
  return res;
}
//- /src/pages/Save.jsx
import { call } from "@/lib/call";
export async function save() {$0
  try {
    await call("a", {});
  } catch (e) {
    return e.error;
  }
}
"#,
    );
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn aliases_of_the_functions_module() {
    let fixture = r#"
//- /src/pages/Aliases.jsx
import { base44 } from "@/api/base44Client";
export async function aliases() {$0
  const fns = base44.functions;
  const { functions } = base44;
  const { invoke } = base44.functions;
  const one = await fns.invoke("a");
  const two = await functions.invoke("b");
  const three = await invoke("health");
  return [one.summary, two.data.summary, three.score];
}
"#;
    assert_eq!(sites(fixture), ["a@a", "b@b", "health@health"]);
    assert_eq!(
        check(fixture),
        [
            "9:11 invoke-result-field: `one.summary` reads the axios response of \"a\"; its JSON is on `one.data`",
            "9:42 invoke-result-field: `three.score` reads the axios response of \"health\"; its JSON is on `three.data`",
        ]
    );
}

#[test]
fn reexports_barrels_and_namespaces() {
    let fixture = r#"
//- /jsconfig.json
{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }
//- /src/api/calls.js
import { base44 } from "./base44Client";
export const getHealth = () => base44.functions.invoke("health");
export default (name) => base44.functions.invoke(name);
//- /src/api/index.js
export * from "./calls";
export { default as call } from "./calls";
//- /src/pages/Home.jsx
import { getHealth, call } from "@/api";
import * as api from "@/api/calls";
export async function home() {$0
  const a = await getHealth();
  const b = await api.getHealth();
  const c = await call("healht");
  return [a.score, b.score, c.ok];
}
"#;
    assert_eq!(
        check(fixture),
        [
            "6:25 unknown-function: Unknown function \"healht\" in project app; did you mean \"health\"?",
            "7:11 invoke-result-field: `a.score` reads the axios response of \"health\" (returned by `getHealth` in src/api/calls.js); its JSON is on `a.data` [see src/api/calls.js:2]",
            "7:20 invoke-result-field: `b.score` reads the axios response of \"health\" (returned by `getHealth` in src/api/calls.js); its JSON is on `b.data` [see src/api/calls.js:2]",
            "7:29 invoke-result-field: `c.ok` reads the axios response of \"healht\" (returned by the default export of src/api/calls.js); its JSON is on `c.data` [see src/api/calls.js:3]",
        ]
    );
}

#[test]
fn backend_entries_import_shared_helpers() {
    let found = check(
        r#"
//- /base44/functions/_lib/calls.ts
export async function runHealth(base44: any) {
  return base44.asServiceRole.functions.invoke("health", {});
}
//- /base44/functions/report/entry.ts
import { createClientFromRequest } from "npm:@base44/sdk@0.8.0";
import { runHealth } from "../_lib/calls.ts";
Deno.serve(async (req) => {$0
  const base44 = createClientFromRequest(req);
  const health = await runHealth(base44);
  return Response.json({ score: health.score });
});
"#,
    );
    assert_eq!(
        found,
        [
            "6:33 invoke-result-field: `health.score` reads the axios response of \"health\" (returned by `runHealth` in base44/functions/_lib/calls.ts); its JSON is on `health.data` [see base44/functions/_lib/calls.ts:2]"
        ]
    );
}

#[test]
fn the_fix_of_a_read_through_a_helper_is_the_helpers() {
    let found = fixes(
        r#"
//- /src/lib/api.js
import { base44 } from "@/api/base44Client";
export const loadChart = (range) => base44.functions.invoke("loadChart", { range });
export async function loadHealth() {
  const res = await base44.functions.invoke("health");
  return res;
}
//- /src/pages/Chart.jsx
import { loadChart, loadHealth } from "../lib/api";
export async function Chart() {$0
  const chart = await loadChart("7d");
  const health = await loadHealth();
  return [chart.points, health.score];
}
"#,
    );
    assert_eq!(
        found,
        [
            "Return the function's JSON from src/lib/api.js",
            "  src/lib/api.js: export const loadChart = (range) => base44.functions.invoke(\"loadChart\", { range }).then((res) => res.data);",
            "Return the function's JSON from src/lib/api.js",
            "  src/lib/api.js: return res.data;",
        ]
    );
}

#[test]
fn fixes_for_members_the_sdk_does_not_have_and_misspelt_objects() {
    let found = fixes(
        r#"
//- /src/pages/Verify.jsx
import { base44 } from "@/api/base44Client";
export async function verify(code) {$0
  await base44.functions.verifyCode({ code });
  await base44.functions?.verifyCode();
  const send = base44.functions.sendEmail;
  const { sendemail } = base44.functions;
  return [send, sendemail];
}
"#,
    );
    assert_eq!(
        found,
        [
            "Call `invoke(\"verify-code\", …)`",
            "  src/pages/Verify.jsx: await base44.functions.invoke(\"verify-code\", { code });",
            "Call `invoke(\"verify-code\", …)`",
            "  src/pages/Verify.jsx: await base44.functions?.invoke(\"verify-code\");",
            "Change to \"send-email\"",
            "  src/pages/Verify.jsx: const send = base44.functions[\"send-email\"];",
            "Change to \"send-email\"",
            "  src/pages/Verify.jsx: const { \"send-email\": sendemail } = base44.functions;",
        ]
    );
}

#[test]
fn wrappers_named_in_the_settings() {
    let fixture = r#"
//- /src/pages/Call.jsx
import { callFunction } from "some-package";
export async function go() {$0
  await callFunction("healht", {});
  await api.callFunction("a");
  return callFunction(name);
}
"#;
    let cursor = Cursor::fixture(&format!("{PROJECT}{fixture}"));
    assert!(cursor.sites().is_empty(), "not a wrapper without the setting");
    let mut index = cursor.index.clone();
    let wrapper = crate::modules::flow::env::ConfiguredWrapper {
        name: "callFunction".into(),
        name_arg: 0,
        data_arg: Some(1),
        kind: crate::modules::calls::CallKind::Invoke,
    };
    index.modules.wrappers = std::sync::Arc::new(vec![wrapper]);
    let tree = cursor.syntax().expect("parses");
    let report = crate::checks::check_file(&index, &index, &cursor.path, &cursor.text, &tree);
    let data = |s: &crate::modules::calls::CallSite| s.data.clone().map_or("-", |d| &cursor.text[d]);
    let found: Vec<String> = report.facts.sites.iter().map(|s| format!("{} {}", s.value, data(s))).collect();
    assert_eq!(found, ["healht {}", "a -"]);
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
}

#[test]
fn the_fix_stays_at_the_read_when_other_callers_read_the_raw_response() {
    let found = fixes(
        r#"
//- /src/lib/api.js
import { base44 } from "@/api/base44Client";
export const loadChart = (range) => base44.functions.invoke("loadChart", { range });
//- /src/pages/Other.jsx
import { loadChart } from "../lib/api";
export const points = async () => (await loadChart("1d")).data.points;
//- /src/pages/Chart.jsx
import { loadChart } from "../lib/api";
export async function Chart() {$0
  const chart = await loadChart("7d");
  return chart.points;
}
"#,
    );
    assert_eq!(found, ["Read `chart.data.points`", "  src/pages/Chart.jsx: return chart.data.points;"]);
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
