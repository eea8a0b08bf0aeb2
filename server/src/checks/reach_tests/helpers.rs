//! Helpers and wrappers of other files, and where their fixes belong.

use super::*;

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
fn exports_that_name_each_other_in_a_circle_end() {
    let found = check(
        r#"
//- /src/lib/circle.js
import { base44 } from "@/api/base44Client";
export const g = () => base44.functions.invoke("a");
const a = b;
const b = a;
export default a;
export { b as c };
export const d = { a, e: d };
//- /src/pages/Circle.jsx
import a, { c, d } from "@/lib/circle";
export const f = () => [a, c, d];$0
"#,
    );
    assert_eq!(found, Vec::<String>::new());
}
