//! The checks find calls and references from the text, not a walk of the tree: what
//! the text holds that is no call or reference must not count, what the tree holds in
//! unusual places must, and nesting far from the calls must not switch them off.

use super::*;

#[test]
fn names_in_text_that_are_no_references_are_ignored() {
    check_clean(
        r#"async () => {
  const res = await base44.functions.invoke("a"); // res.success in a comment
  const label = "res.success and base44.functions.invoke('b')";
  const other = { res: 1 }.res;
  const resolved = thing.res?.success ?? result.success;
  /* base44.functions.invoke("c").success */
  return res.data;
}"#,
    );
}

#[test]
fn references_inside_templates_and_beside_other_names_are_found() {
    check_marked(
        r#"async () => {
  const res = await base44.functions.invoke("a");
  const line = `${⟦res.success⟧}:${res.data}`;
  return [⟦res.total⟧,res.data];
}"#,
        &["invoke-result-field", "invoke-result-field"],
    );
}

#[test]
fn deep_nesting_away_from_the_calls_does_not_switch_the_check_off() {
    let deep = format!("const deep = {}1{};", "(".repeat(1_000), ")".repeat(1_000));
    let src =
        format!("{deep}\nasync () => {{\n  const res = await base44.functions.invoke('a');\n  return res.ok;\n}}");
    assert_eq!(flagged(&src), ["invoke-result-field res.ok"]);
}

#[test]
fn calls_found_in_any_order_are_reported_in_document_order() {
    check_marked(
        r#"async () => {
  const outer = await base44.functions.invoke("a", { inner: (await base44.functions.invoke("b")).⟦total⟧ });
  return ⟦outer.count⟧;
}"#,
        &["invoke-result-field", "invoke-result-field"],
    );
}
