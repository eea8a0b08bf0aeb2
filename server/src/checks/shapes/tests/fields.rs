//! Member reads and destructuring on an invoke's axios response.

use super::*;

#[test]
fn field_read_on_awaited_result() {
    check(
        r#"
async function pay(orderId) {
  const res = await base44.functions.invoke("process-order", { orderId });
  if (res.success) return res.data.order;
}"#,
        r#"4:7 invoke-result-field `res.success` reads the axios response of "process-order"; its JSON is on `res.data`"#,
    );
}

#[test]
fn field_read_fix_inserts_data() {
    check_fix(
        r#"async () => { const res = await base44.functions.invoke("a"); return res.success; }"#,
        r#"async () => { const res = await base44.functions.invoke("a"); return res.data.success; }"#,
    );
}

#[test]
fn optional_read_fix_keeps_the_chain() {
    check_fix(
        r#"async () => { const res = await base44.functions.invoke("a"); return res?.flags; }"#,
        r#"async () => { const res = await base44.functions.invoke("a"); return res?.data?.flags; }"#,
    );
}

#[test]
fn parenthesized_await() {
    assert_eq!(flagged(r#"async () => (await base44.functions.invoke("a", {})).ok"#), ["invoke-result-field ok"]);
    check_fix(
        r#"async () => (await base44.functions.invoke("a", {})).ok"#,
        r#"async () => (await base44.functions.invoke("a", {})).data.ok"#,
    );
}

#[test]
fn service_role_and_typescript_wrappers() {
    assert_eq!(
        flagged(
            r#"async () => {
  const res = (await base44.asServiceRole.functions.invoke("x")) as any;
  const r2 = await base44.functions!.invoke("y");
  return [res.total, r2!.count];
}"#
        ),
        ["invoke-result-field res.total", "invoke-result-field r2!.count"]
    );
}

#[test]
fn then_callback_parameter() {
    check(
        r#"base44.functions.invoke("check-stock", { sku }).then((res) => setCount(res.inStock));"#,
        r#"1:72 invoke-result-field `res.inStock` reads the axios response of "check-stock"; its JSON is on `res.data`"#,
    );
    assert_eq!(
        flagged(r#"base44.functions.invoke("a").then(function (r) { return r.items; });"#),
        ["invoke-result-field r.items"]
    );
}

#[test]
fn then_callback_destructuring() {
    check_fix(
        r#"base44.functions.invoke("a").then(({ items }) => setItems(items));"#,
        r#"base44.functions.invoke("a").then(({ data: { items } }) => setItems(items));"#,
    );
}

#[test]
fn variable_assigned_later() {
    assert_eq!(
        flagged(
            r#"async function load() {
  let res;
  try {
    res = await base44.functions.invoke("get-report");
  } finally {
    done();
  }
  return res.rows;
}"#
        ),
        ["invoke-result-field res.rows"]
    );
}

#[test]
fn destructuring_the_response() {
    check(
        r#"
async function create() {
  const { success, work_order_number } = await base44.functions.invoke("create-wo", {});
}"#,
        r#"3:9 invoke-result-destructure `success`, `work_order_number` are not on the axios response of "create-wo"; the function's JSON is on `data`"#,
    );
    check_fix(
        r#"async () => { const { success, order } = await base44.functions.invoke("x"); }"#,
        r#"async () => { const { data: { success, order } } = await base44.functions.invoke("x"); }"#,
    );
}

#[test]
fn destructuring_mixed_with_axios_fields() {
    check_fix(
        r#"async () => { const { status, order = null } = await base44.functions.invoke("x"); }"#,
        r#"async () => { const { status, data: { order = null } } = await base44.functions.invoke("x"); }"#,
    );
}

#[test]
fn destructuring_with_data_taken_is_flagged_without_fix() {
    check_no_fix(r#"async () => { const { data, error } = await base44.functions.invoke("x"); }"#);
}

#[test]
fn json_on_an_axios_response() {
    check_fix(
        r#"async () => { const res = await base44.functions.invoke("x"); const body = await res.json(); }"#,
        r#"async () => { const res = await base44.functions.invoke("x"); const body = res.data; }"#,
    );
}

#[test]
fn hedges_are_hints_with_a_fix() {
    check(
        r#"async () => { const res = await base44.functions.invoke("x"); return res?.data?.items ?? res?.items; }"#,
        r#"1:90 invoke-result-hedge `res?.items` falls back to the axios response of "x"; the function's JSON is always on `res.data`"#,
    );
    check_fix(
        r#"async () => { const res = await base44.functions.invoke("x"); return res?.data?.items ?? res?.items; }"#,
        r#"async () => { const res = await base44.functions.invoke("x"); return res?.data?.items; }"#,
    );
    check_fix(
        r#"async () => { const resp = await base44.functions.invoke("x"); const out = resp?.data || resp; }"#,
        r#"async () => { const resp = await base44.functions.invoke("x"); const out = resp?.data; }"#,
    );
}

#[test]
fn messages_without_a_static_name() {
    check(
        r#"async (name) => { const res = await base44.functions.invoke(name); return res.ok; }"#,
        r#"1:75 invoke-result-field `res.ok` reads the axios response of an invoke call; its JSON is on `res.data`"#,
    );
}

#[test]
fn reassigned_from_another_invoke_names_no_function() {
    assert_eq!(
        render(
            r#"async () => { let res = await base44.functions.invoke("a"); res = await base44.functions.invoke("b"); res.ok; }"#
        ),
        "1:103 invoke-result-field `res.ok` reads the axios response of an invoke call; its JSON is on `res.data`"
    );
}

#[test]
fn a_wrong_test_beside_data_is_a_warning_not_a_hedge() {
    assert_eq!(
        flagged(
            r#"async () => {
  const res = await base44.functions.invoke("x");
  const a = res.ok ? res.data : null;
  const b = res.data && res.success;
  const c = res.data ? res.data.items : res.items;
}"#
        ),
        ["invoke-result-field res.ok", "invoke-result-field res.success", "invoke-result-hedge res.items"]
    );
}

#[test]
fn marked_spans_of_each_form() {
    check_marked(
        r#"async function load(id) {
  const res = await base44.functions.invoke("get", { id });
  const ⟦{ items: list, total }⟧ = await base44.functions.invoke("list");
  if (⟦res.ok⟧ && res.status === 200) return (await base44.functions.invoke("x")).⟦count⟧;
  return ⟦res?.items⟧ ?? res?.data?.items;
}"#,
        &["invoke-result-destructure", "invoke-result-field", "invoke-result-field", "invoke-result-hedge"],
    );
}

#[test]
fn long_objects_are_not_quoted_whole() {
    check(
        r#"async () => (await base44.functions.invoke("process-order", { id: 1 })).ok"#,
        r#"1:73 invoke-result-field `(…).ok` reads the axios response of "process-order"; its JSON is on `(…).data`"#,
    );
}

#[test]
fn hedges_through_comparisons_and_not_through_and() {
    check_fix(
        r#"async () => { const res = await base44.functions.invoke("x"); return res?.data?.ok === true || res?.ok === true; }"#,
        r#"async () => { const res = await base44.functions.invoke("x"); return res?.data?.ok === true; }"#,
    );
    assert_eq!(
        flagged(
            r#"async () => {
  const res = await base44.functions.invoke("x");
  const a = res.status === 200 && res.done === res.data.done;
  const b = result?.data ?? res?.done;
  const c = Array.isArray(res) ? res : res.data;
}"#
        ),
        ["invoke-result-field res.done", "invoke-result-field res?.done"]
    );
}
