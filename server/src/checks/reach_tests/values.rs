//! State, fallbacks and error bodies.

use super::*;

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
