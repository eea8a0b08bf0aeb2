//! Each shape of input, response, secret and entity use, read off a small entry.

use super::*;
use crate::project::serve::find_serve;
use crate::syntax::{Lang, parse};

/// The contract rendered on one line per part: `inputs: a b? (open)`, `responses: 200 {…}`, …
fn contract(src: &str) -> Vec<String> {
    let tree = parse(src, Lang::TypeScript, None).expect("parses");
    let serve = find_serve(&tree, src);
    let c = infer_contract(&tree, src, serve.as_ref());
    let open = |open: bool| if open { " (open)" } else { "" };
    let inputs: Vec<String> =
        c.inputs.iter().map(|i| format!("{}{}", i.name, if i.required { "" } else { "?" })).collect();
    let responses: Vec<String> = c
        .responses
        .iter()
        .map(|r| {
            let nested: Vec<String> = r.nested.iter().map(|(k, v)| format!("{k}:{{{}}}", v.join(" "))).collect();
            let status = r.status.map_or("?".to_string(), |s| s.to_string());
            format!(
                "{status} {{{}}}{}",
                r.keys.join(" "),
                if nested.is_empty() { String::new() } else { format!(" {}", nested.join(" ")) }
            )
        })
        .collect();
    let secrets: Vec<String> = c.secrets.iter().map(|s| s.name.clone()).collect();
    let entities: Vec<String> = c.entities.iter().map(|e| format!("{}.{}", e.entity, e.operations.join("/"))).collect();
    vec![
        format!("inputs: {}{}", inputs.join(" "), open(c.inputs_open)),
        format!("responses: {}{}", responses.join(", "), open(c.responses_open)),
        format!("secrets: {}", secrets.join(" ")),
        format!("entities: {}", entities.join(" ")),
    ]
}

#[test]
fn destructured_inputs_with_defaults_aliases_and_guards() {
    let found = contract(
        r#"Deno.serve(async (req) => {
  const { orderId, action = "ship", note, count: n, coupon } = await req.json();
  if (!orderId) return Response.json({ error: "orderId is required" }, { status: 400 });
  const label = note ?? "";
  if (coupon) console.log(coupon);
  return Response.json({ ok: true, order: { id: orderId, label, n } });
});"#,
    );
    assert_eq!(
        found,
        [
            "inputs: orderId action? note? count coupon?",
            "responses: 200 {ok order} order:{id label n}, 400 {error}",
            "secrets: ",
            "entities: ",
        ]
    );
}

#[test]
fn a_body_kept_whole() {
    let found = contract(
        r#"export default async function handler(req: Request) {
  const body = await req.json();
  const { email } = body;
  const name = body?.name;
  const tag = body["tag"];
  return Response.json({ email, name, tag });
}"#,
    );
    assert_eq!(found[0], "inputs: email name? tag?");
}

#[test]
fn a_body_read_once_and_a_form() {
    let json = contract("Deno.serve(async (req) => Response.json({ id: (await req.json()).id }));");
    assert_eq!(json[0], "inputs: id?");
    let form = contract(
        r#"Deno.serve(async (req) => {
  const form = await req.formData();
  const file = form.get("file");
  const kind = form.get("kind");
  return Response.json({ size: file.size, kind });
});"#,
    );
    assert_eq!(form[0], "inputs: file? kind?");
}

#[test]
fn inputs_open_when_the_body_goes_elsewhere() {
    for src in [
        "Deno.serve(async (req) => { const body = await req.json(); return Response.json(await run(body)); });",
        "Deno.serve(async (req) => { const body = await req.json(); return Response.json({ ...body }); });",
        "Deno.serve(async (req) => { const body = await req.json(); return Response.json({ v: body[key] }); });",
        "Deno.serve(async (req) => { const { a, ...rest } = await req.json(); return Response.json({ a, rest }); });",
        "Deno.serve(async (req) => Response.json(await handle(req)));",
        "Deno.serve(async (req) => { const text = await req.text(); return Response.json({ text }); });",
    ] {
        assert!(contract(src)[0].ends_with("(open)"), "{src}");
    }
    // Headers and the client are not the body.
    let closed = contract(
        r#"import { createClientFromRequest } from "npm:@base44/sdk";
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  if (req.method !== "POST") return new Response(null, { status: 405 });
  const { id } = await req.json();
  return Response.json({ id, auth: req.headers.get("authorization") });
});"#,
    );
    assert_eq!(closed[0], "inputs: id");
}

#[test]
fn a_handler_without_a_request_reads_nothing() {
    assert_eq!(contract("Deno.serve(() => Response.json({ up: true }));")[0], "inputs: ");
}

#[test]
fn responses_with_statuses_and_stringify() {
    let found = contract(
        r#"Deno.serve(async (req) => {
  try {
    const { id } = await req.json();
    if (!id) return new Response(JSON.stringify({ error: "id" }), { status: 422, headers });
    return new Response(JSON.stringify({ "item": id, "found": true }));
  } catch (e) {
    return Response.json({ error: String(e) }, { status: code });
  }
});"#,
    );
    assert_eq!(found[1], "responses: 200 {item found}, 422 {error}, ? {error}");
}

#[test]
fn responses_open_when_built_elsewhere() {
    for src in [
        "Deno.serve(async () => Response.json(result));",
        "Deno.serve(async () => { return json({ ok: true }); });",
        "const json = (d) => Response.json(d);\nDeno.serve(async () => json(await load()));",
        "const json = (d) => Response.json(d);\nDeno.serve(async () => { return json({ ok: true }); });\nexport { json };",
        "Deno.serve(async () => { const res = Response.json({ ok: true }); return res; });",
        "const handler = async () => Response.json({ ...base, ok: true });\nDeno.serve(handler);",
    ] {
        assert!(contract(src)[1].ends_with("(open)"), "{src}");
    }
    // A helper defined inside returns what it likes; the handler's own returns count.
    let helper = contract(
        r#"Deno.serve(async () => {
  const fmt = (n) => { return n.toFixed(2); };
  return Response.json({ total: fmt(1) });
});"#,
    );
    assert_eq!(helper[1], "responses: 200 {total}");
}

#[test]
fn secrets_and_entities() {
    let found = contract(
        r#"import { createClientFromRequest } from "npm:@base44/sdk";
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const key = Deno.env.get("STRIPE_KEY");
  const again = Deno.env.get("STRIPE_KEY") ?? Deno.env.get(name);
  const orders = await base44.entities.Order.filter({ open: true });
  await base44.asServiceRole.entities.Order.update(orders[0].id, { seen: true });
  await base44.asServiceRole.entities.AuditLog.create({ key: !!key });
  return Response.json({ n: orders.length, again: !!again });
});"#,
    );
    assert_eq!(found[2..], ["secrets: STRIPE_KEY", "entities: AuditLog.create Order.filter/update"]);
}

#[test]
fn responses_built_by_helpers_in_the_entry() {
    let found = contract(
        r#"const cors = { "Access-Control-Allow-Origin": "*" };
const json = (data, status = 200) => Response.json(data, { status, headers: cors });
function fail(message, status) {
  return new Response(JSON.stringify({ error: message }), { status, headers: cors });
}
const notFound = () => Response.json({ error: "not found", code: "NF" }, { status: 404 });
Deno.serve(async (req) => {
  const { id } = await req.json();
  if (!id) return fail("id is required", 400);
  if (id === "x") return notFound();
  return json({ item: id, found: true });
});"#,
    );
    assert_eq!(found[1], "responses: 200 {item found}, 400 {error}, 404 {error code}");
}

#[test]
fn a_body_handed_to_functions_of_the_entry() {
    let found = contract(
        r#"async function createOrder(base44, { items, coupon = null }) {
  return Response.json({ id: await base44.entities.Order.create({ items, coupon }) });
}
function refund(data) {
  if (!data.orderId) return Response.json({ error: "orderId" }, { status: 400 });
  return Response.json({ refunded: data.orderId, reason: data.reason ?? "" });
}
Deno.serve(async (req) => {
  const base44 = createClientFromRequest(req);
  const body = await req.json();
  switch (body.action) {
    case "create": return await createOrder(base44, body);
    case "refund": return refund(body);
  }
  return Response.json({ error: "unknown action" }, { status: 400 });
});"#,
    );
    assert_eq!(found[0], "inputs: action? items coupon? orderId? reason?");
    assert_eq!(found[1], "responses: 200 {id}, 200 {refunded reason}, 400 {error}");
    // The request itself handed on, and read there.
    let handed = contract(
        r#"async function handle(request) {
  const { email } = await request.json();
  return Response.json({ email });
}
Deno.serve((req) => handle(req));"#,
    );
    assert_eq!(handed[..2], ["inputs: email", "responses: 200 {email}"]);
    // Handed to a function defined elsewhere, or spread there: open.
    let elsewhere = contract(
        r#"import { run } from "./run.ts";
function go(body) { return run(body); }
Deno.serve(async (req) => { const body = await req.json(); return Response.json(await go(body)); });"#,
    );
    assert!(elsewhere[0].ends_with("(open)"), "{elsewhere:?}");
}
