//! Function objects, members the SDK does not have, and aliases of the functions module.

use super::*;

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
