//! What must never be flagged: scope, flow, hand-offs, axios fields, look-alikes.

use super::*;

#[test]
fn data_and_axios_fields_are_fine() {
    check_clean(
        r#"async () => {
  const res = await base44.functions.invoke("a");
  if (res.status !== 200 || !res.data) return;
  console.log(res.headers, res.statusText, res.config, res.request);
  return res.data.success && res?.data?.order;
}"#,
    );
}

#[test]
fn shadowed_names_are_other_variables() {
    check_clean(
        r#"async () => {
  const res = await base44.functions.invoke("a");
  function inner(res) { return res.success; }
  items.map((res) => res.success);
  { const res = { success: true }; use(res.success); }
  for (const res of list) use(res.success);
  return res.data;
}"#,
    );
}

#[test]
fn variable_reassigned_to_something_else() {
    check_clean(
        r#"async () => {
  let res = await base44.functions.invoke("a");
  res = res.data;
  return res.success;
}"#,
    );
    check_clean(
        r#"async () => {
  let result = null;
  result = await base44.functions.invoke("a");
  if (!result) result = cached;
  return result.success;
}"#,
    );
}

#[test]
fn results_passed_on_are_the_callee_s_business() {
    check_clean(
        r#"async () => {
  const res = await base44.functions.invoke("a");
  const body = unwrap(res);
  setState({ res });
  return [body.success, { ...res }];
}"#,
    );
}

#[test]
fn a_user_object_called_res() {
    check_clean(
        r#"async function handler(req, res) {
  const out = await base44.functions.invoke("a");
  res.success = out.data.ok;
  res.json({ ok: res.success });
}
const res = { success: true };
console.log(res.success);"#,
    );
}

#[test]
fn jsx_is_not_a_read() {
    check_clean(
        r#"async function Page() {
  const res = await base44.functions.invoke("a");
  return <res.Provider value={res}><p data={res.data}>res.success</p></res.Provider>;
}"#,
    );
}

#[test]
fn non_functions_calls_are_ignored() {
    check_clean(
        r#"async () => {
  const res = await base44.integrations.Core.InvokeLLM({ prompt });
  const r = await fetch("/api");
  const x = await base44.entities.Order.invoke("a");
  return [res.success, r.data, x.ok];
}"#,
    );
}

#[test]
fn un_awaited_promises_are_not_responses() {
    check_clean(
        r#"async () => {
  const pending = base44.functions.invoke("a");
  pending.finally(() => done());
  return pending.catch(() => null);
}"#,
    );
}

#[test]
fn no_functions_call_no_work() {
    check_clean("const res = await api.get('/x'); res.success;");
}

#[test]
fn broken_code_does_not_panic() {
    for src in [
        "const res = await base44.functions.invoke(",
        "const { = await base44.functions.invoke('a'); res.",
        "try { await base44.functions.invoke('a') } catch (",
        "base44.functions.invoke('a').then(({",
    ] {
        let tree = parse(src, Lang::Tsx, None).expect("parses");
        let _ = response_shape_diagnostics(&tree, src, Path::new("x.ts"));
    }
}

#[test]
fn deep_nesting_is_checked_up_to_a_bound_and_skipped_beyond() {
    let nested = |depth: usize| {
        format!(
            "async () => {{ const res = await base44.functions.invoke('a'); x = {}res.ok{}; }}",
            "(".repeat(depth),
            ")".repeat(depth)
        )
    };
    assert_eq!(flagged(&nested(100)), ["invoke-result-field res.ok"]);
    let src = nested(20_000);
    let tree = parse(&src, Lang::Tsx, None).expect("parses");
    assert!(response_shape_diagnostics(&tree, &src, Path::new("x.ts")).is_empty());
}

#[test]
fn destructuring_assignment_counts_as_reassignment() {
    check_clean(
        r#"async () => {
  let res = await base44.functions.invoke("a");
  ({ res } = await loadCached());
  return res.success;
}"#,
    );
}
