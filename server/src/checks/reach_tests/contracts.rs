//! Calls checked against what the called function reads and answers.

use super::*;

/// A function that reads `orderId` (required), `action` (optional), and answers two ways.
const ORDERS: &str = r#"
//- /base44/functions/process-order/entry.ts
Deno.serve(async (req) => {
  const { orderId, action = "ship" } = await req.json();
  if (!orderId) return Response.json({ error: "orderId is required" }, { status: 400 });
  return Response.json({ success: true, order: { id: orderId, action } });
});
//- /base44/functions/open-ended/entry.ts
Deno.serve(async (req) => {
  const body = await req.json();
  return Response.json(await run(body));
});
"#;

fn contract_check(page: &str) -> Vec<String> {
    check(&format!("{ORDERS}{page}"))
}

fn contract_fixes(page: &str) -> Vec<String> {
    fixes(&format!("{ORDERS}{page}"))
}

#[test]
fn data_that_is_not_an_object() {
    let found = contract_check(
        r#"
//- /src/pages/Send.jsx
import { base44 } from "@/api/base44Client";
export async function send(body) {$0
  await base44.functions.invoke("process-order", "o1");
  await base44.functions.invoke("process-order", [1, 2]);
  await base44.functions.invoke("open-ended", 42);
  await base44.functions.invoke("open-ended", body);
}
"#,
    );
    assert_eq!(
        found,
        [
            "3:50 invoke-data-not-object: `invoke(\"process-order\", …)` throws with this data: the SDK sends only an object of named parameters (\"Function process-order must receive an object with named parameters\")",
            "4:50 invoke-data-not-object: `invoke(\"process-order\", …)` throws with this data: the SDK sends only an object of named parameters (\"Function process-order must receive an object with named parameters\")",
            "5:47 invoke-data-not-object: `invoke(\"open-ended\", …)` throws with this data: the SDK sends only an object of named parameters (\"Function open-ended must receive an object with named parameters\")",
        ]
    );
}

#[test]
fn keys_the_function_never_reads_and_required_inputs() {
    let page = r#"
//- /src/pages/Order.jsx
import { base44 } from "@/api/base44Client";
export async function order(orderID, extra) {$0
  await base44.functions.invoke("process-order", { orderID });
  await base44.functions.invoke("process-order", { orderId: orderID, acton: "cancel" });
  await base44.functions.invoke("process-order", { ...extra, action: "ship" });
  await base44.functions.invoke("open-ended", { anything: 1 });
}
"#;
    assert_eq!(
        contract_check(page),
        [
            "3:50 missing-input: \"process-order\" requires the input `orderId`, not given here",
            "3:52 unknown-input: \"process-order\" never reads `orderID`; did you mean `orderId`?",
            "4:70 unknown-input: \"process-order\" never reads `acton`; did you mean `action`?",
        ]
    );
    assert_eq!(
        contract_fixes(page),
        [
            "Change to `orderId`",
            "  src/pages/Order.jsx: await base44.functions.invoke(\"process-order\", { orderId: orderID });",
            "Change to `action`",
            "  src/pages/Order.jsx: await base44.functions.invoke(\"process-order\", { orderId: orderID, action: \"cancel\" });",
        ]
    );
}

#[test]
fn data_through_a_wrapper_and_a_function_object() {
    let found = contract_check(
        r#"
//- /src/api/calls.js
import { base44 } from "./base44Client";
export const call = (name, data) => base44.functions.invoke(name, data);
export const processOrder = base44.functions["process-order"];
//- /src/pages/Order.jsx
import { call, processOrder } from "@/api/calls";
export async function order() {$0
  await call("process-order", { ordrId: 1 });
  await processOrder({ orderId: 1, actoin: "ship" });
}
"#,
    );
    assert_eq!(
        found,
        [
            "3:31 missing-input: \"process-order\" requires the input `orderId`, not given here",
            "3:33 unknown-input: \"process-order\" never reads `ordrId`; did you mean `orderId`?",
            "4:36 unknown-input: \"process-order\" never reads `actoin`; did you mean `action`?",
        ]
    );
}

#[test]
fn keys_of_the_json_no_response_has() {
    let page = r#"
//- /src/pages/Order.jsx
import { base44 } from "@/api/base44Client";
export async function order() {$0
  const res = await base44.functions.invoke("process-order", { orderId: 1 });
  const { sucess } = res.data;
  const { data: { ordr } } = await base44.functions.invoke("process-order", { orderId: 2 });
  const other = await base44.functions.invoke("open-ended", {});
  return [res.data.success, res.data.eror, sucess, ordr, other.data.whatever];
}
"#;
    assert_eq!(
        contract_check(page),
        [
            "4:11 unknown-response-key: No response of \"process-order\" has `sucess`; did you mean `success`?",
            "5:19 unknown-response-key: No response of \"process-order\" has `ordr`; did you mean `order`?",
            "7:38 unknown-response-key: No response of \"process-order\" has `eror`; did you mean `error`?",
        ]
    );
    assert_eq!(
        contract_fixes(page),
        [
            "Change to `success`",
            "  src/pages/Order.jsx: const { success: sucess } = res.data;",
            "Change to `order`",
            "  src/pages/Order.jsx: const { data: { order: ordr } } = await base44.functions.invoke(\"process-order\", { orderId: 2 });",
            "Change to `error`",
            "  src/pages/Order.jsx: return [res.data.success, res.data.error, sucess, ordr, other.data.whatever];",
        ]
    );
}

#[test]
fn secrets_nothing_defines() {
    let found = check(&format!(
        "{}{}",
        PROJECT,
        r#"
//- /.env
STRIPE_KEY=sk_test
//- /base44/.env
export WEBHOOK_SECRET="x"
//- /base44/functions/pay/entry.ts
Deno.serve(async () => {$0
  const key = Deno.env.get("STRIPE_KEY");
  const hook = Deno.env.get("WEBHOOK_SECRET");
  const mail = Deno.env.get("BASE44_TEST_SECRET_NOBODY_SETS");
  return Response.json({ ok: !!(key && hook && mail) });
});
"#
    ));
    assert_eq!(
        found,
        [
            "4:30 missing-secret: `BASE44_TEST_SECRET_NOBODY_SETS` is set neither in the environment nor in .env or base44/.env: a local ▶ Invoke reads undefined (on the app it comes from its secrets)"
        ]
    );
}
