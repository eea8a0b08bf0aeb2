//! `functions.fetch` results: a native `Response`, read with `await res.json()`.

use super::*;

#[test]
fn data_on_a_fetch_response() {
    check(
        r#"
async function report() {
  const res = await base44.functions.fetch("/stream-report", { method: "POST" });
  return res.data;
}"#,
        r#"4:10 fetch-result-data `res.data` is undefined: fetch("/stream-report") resolves to a native Response; read its JSON with `await res.json()`"#,
    );
}

#[test]
fn data_fix_reads_the_json() {
    check_fix(
        r#"async () => { const res = await base44.functions.fetch("/r"); return res.data.rows; }"#,
        r#"async () => { const res = await base44.functions.fetch("/r"); return (await res.json()).rows; }"#,
    );
}

#[test]
fn other_field_fix_reads_the_json() {
    check_fix(
        r#"async () => { const res = await base44.functions.fetch("/r"); if (res.ok) return res.total; }"#,
        r#"async () => { const res = await base44.functions.fetch("/r"); if (res.ok) return (await res.json()).total; }"#,
    );
}

#[test]
fn no_fix_when_the_body_is_read_elsewhere_or_not_async() {
    check_no_fix(
        r#"async () => { const res = await base44.functions.fetch("/r"); const text = await res.text(); return res.data; }"#,
    );
    check_no_fix(r#"base44.functions.fetch("/r").then((res) => res.data);"#);
}

#[test]
fn response_fields_are_fine() {
    check_clean(
        r#"async () => {
  const res = await base44.functions.fetch("/r", { method: "DELETE" });
  if (!res.ok) throw new Error(res.statusText + res.status);
  const reader = res.body.getReader();
  return (await res.json()).rows;
}"#,
    );
}

#[test]
fn destructured_fetch_response() {
    check(
        r#"async () => { const { data } = await base44.functions.fetch("/r"); }"#,
        r#"1:21 fetch-result-data `data` is undefined: fetch("/r") resolves to a native Response; read its JSON with `.json()`"#,
    );
    check_fix(
        r#"async () => { const { data: body } = await base44.functions.fetch("/r"); use(body); }"#,
        r#"async () => { const body = await (await base44.functions.fetch("/r")).json(); use(body); }"#,
    );
    check_fix(
        r#"async () => { const { rows, total } = await base44.functions.fetch("/r"); }"#,
        r#"async () => { const { rows, total } = await (await base44.functions.fetch("/r")).json(); }"#,
    );
    check_no_fix(r#"async () => { const { ok, rows } = await base44.functions.fetch("/r"); }"#);
    check_clean(r#"async () => { const { ok, status, body } = await base44.functions.fetch("/r"); }"#);
}

#[test]
fn data_fix_parenthesizes_only_where_needed() {
    check_fix(
        r#"async () => { const res = await base44.functions.fetch("/r"); const body = res.data; }"#,
        r#"async () => { const res = await base44.functions.fetch("/r"); const body = await res.json(); }"#,
    );
}
