//! Error bodies in the `catch` of a `try` that awaits invokes.

use super::*;

#[test]
fn err_data_in_catch() {
    check(
        r#"
async function pay() {
  try {
    await base44.functions.invoke("process-order", { id });
  } catch (err) {
    toast(err.data?.error ?? err.message);
  }
}"#,
        r#"6:11 invoke-error-body `err.data` is undefined when invoke("process-order") fails: the function's error body is on `err.response.data`"#,
    );
}

#[test]
fn err_data_fix() {
    check_fix(
        r#"async () => { try { await base44.functions.invoke("a"); } catch (e) { show(e.data); } }"#,
        r#"async () => { try { await base44.functions.invoke("a"); } catch (e) { show(e.response?.data); } }"#,
    );
}

#[test]
fn function_error_field_fix() {
    check_fix(
        r#"async () => { try { const r = await base44.functions.invoke("a"); use(r.data); } catch (e) { show(e?.error); } }"#,
        r#"async () => { try { const r = await base44.functions.invoke("a"); use(r.data); } catch (e) { show(e?.response?.data?.error); } }"#,
    );
}

#[test]
fn axios_error_fields_are_fine() {
    check_clean(
        r#"async () => {
  try {
    await base44.functions.invoke("a");
  } catch (err) {
    console.error(err.message, err.code, err.status, err.name, err.stack);
  }
}"#,
    );
}

#[test]
fn checking_err_response_first_is_fine() {
    check_clean(
        r#"async () => {
  try {
    await base44.functions.invoke("a");
  } catch (err) {
    const body = err.response ? err.response.data : err.data;
  }
}"#,
    );
}

#[test]
fn other_awaited_calls_make_err_data_legitimate() {
    check_clean(
        r#"async () => {
  try {
    await base44.entities.Order.create({});
    await base44.functions.invoke("a");
  } catch (err) {
    show(err.data);
  }
}"#,
    );
}

#[test]
fn invoke_inside_a_callback_is_not_the_try_s_call() {
    check_clean(
        r#"async () => {
  try {
    items.forEach(async (i) => { await base44.functions.invoke("a"); });
  } catch (err) {
    show(err.data);
  }
}"#,
    );
}

#[test]
fn shadowed_error_name_in_catch() {
    check_clean(
        r#"async () => {
  try {
    await base44.functions.invoke("a");
  } catch (err) {
    const handler = (err) => err.data;
  }
}"#,
    );
}

#[test]
fn promise_catch_callback() {
    check_fix(
        r#"base44.functions.invoke("a").catch((err) => toast(err.data.message));"#,
        r#"base44.functions.invoke("a").catch((err) => toast(err.response?.data.message));"#,
    );
    assert_eq!(
        flagged(r#"base44.functions.invoke("a").then((res) => use(res.data), (e) => show(e.error, e.message));"#),
        ["invoke-error-body e.error"]
    );
    check_clean(r#"base44.functions.invoke("a").catch((err) => show(err.response?.data ?? err.data));"#);
}

#[test]
fn promise_all_of_invokes_in_the_try() {
    assert_eq!(
        flagged(
            r#"async () => {
  try {
    const [a, b] = await Promise.all([base44.functions.invoke("a"), base44.functions.invoke("b")]);
    use(a.data, b.data);
  } catch (err) {
    show(err.data);
  }
  try {
    await Promise.all([base44.functions.invoke("a"), base44.entities.X.list()]);
  } catch (err) {
    show(err.data);
  }
}"#
        ),
        ["invoke-error-body err.data"]
    );
    assert!(render(
        r#"async () => { try { await Promise.all([base44.functions.invoke("a"), base44.functions.invoke("b")]); } catch (e) { e.data; } }"#
    )
    .contains("when an invoke call fails"));
}
