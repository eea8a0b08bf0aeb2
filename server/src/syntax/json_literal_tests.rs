//! Tests for `json_literal`: each parses `const value = <expression>;` with the TSX grammar.

use serde_json::{Value, json};

use super::json_literal;

fn literal(expression: &str) -> Option<Value> {
    let source = format!("const value = {expression};");
    let mut parser = tree_sitter::Parser::new();
    let language = tree_sitter::Language::from(tree_sitter_typescript::LANGUAGE_TSX);
    if let Err(error) = parser.set_language(&language) {
        panic!("TSX grammar rejected: {error}");
    }
    let Some(tree) = parser.parse(&source, None) else { panic!("no tree for {source}") };
    let declarator = tree
        .root_node()
        .named_child(0)
        .and_then(|declaration| declaration.named_child(0))
        .filter(|node| node.kind() == "variable_declarator");
    let Some(value) = declarator.and_then(|node| node.child_by_field_name("value")) else {
        panic!("no value node in {source}: {}", tree.root_node().to_sexp())
    };
    json_literal(value, &source)
}

#[test]
fn scalars() {
    assert_eq!(literal("true"), Some(json!(true)));
    assert_eq!(literal("false"), Some(json!(false)));
    assert_eq!(literal("null"), Some(Value::Null));
    assert_eq!(literal("'single'"), Some(json!("single")));
    assert_eq!(literal("\"double\""), Some(json!("double")));
    assert_eq!(literal("``"), Some(json!("")));
}

#[test]
fn numbers_in_every_spelling() {
    assert_eq!(literal("42"), Some(json!(42)));
    assert_eq!(literal("-42"), Some(json!(-42)));
    assert_eq!(literal("+7"), Some(json!(7)));
    assert_eq!(literal("-(3)"), Some(json!(-3)));
    assert_eq!(literal("1.5"), Some(json!(1.5)));
    assert_eq!(literal("-0.25"), Some(json!(-0.25)));
    assert_eq!(literal(".5"), Some(json!(0.5)));
    assert_eq!(literal("1e3"), Some(json!(1000)));
    assert_eq!(literal("2.0"), Some(json!(2)));
    assert_eq!(literal("1_000_000"), Some(json!(1_000_000)));
    assert_eq!(literal("0x1F"), Some(json!(31)));
    assert_eq!(literal("0o17"), Some(json!(15)));
    assert_eq!(literal("0b101"), Some(json!(5)));
    assert_eq!(literal("-0"), Some(json!(0)));
    assert_eq!(literal("18446744073709551615"), Some(json!(18_446_744_073_709_551_615_u64)));
    assert_eq!(literal("10n"), None);
    assert_eq!(literal("1e400"), None);
    assert_eq!(literal("-x"), None);
    assert_eq!(literal("!1"), None);
    assert_eq!(literal("~1"), None);
}

#[test]
fn string_escapes_are_decoded() {
    assert_eq!(literal(r#""a\nb\t\"c\"\\""#), Some(json!("a\nb\t\"c\"\\")));
    assert_eq!(literal(r"'it\'s'"), Some(json!("it's")));
    assert_eq!(literal(r"'\x41\u0042\u{1F600}'"), Some(json!("AB\u{1F600}")));
    assert_eq!(literal(r"'\uD83D\uDE00'"), Some(json!("\u{1F600}")));
    assert_eq!(literal(r"'lone \uD83D!'"), Some(json!("lone \u{FFFD}!")));
    assert_eq!(literal("'line \\\ncontinued'"), Some(json!("line continued")));
    assert_eq!(literal("'caf\u{e9} \u{2603}'"), Some(json!("caf\u{e9} \u{2603}")));
}

#[test]
fn template_strings_without_substitutions() {
    assert_eq!(literal("`plain`"), Some(json!("plain")));
    assert_eq!(literal("`two\nlines \\u0041`"), Some(json!("two\nlines A")));
    assert_eq!(literal("`hello ${name}`"), None);
    assert_eq!(literal("`${1}`"), None);
    assert_eq!(literal("tag`x`"), None);
}

#[test]
fn nested_objects_and_arrays() {
    let source = r#"{
        orderId: 123,
        "customer-name": 'Ada',
        'quoted': `tpl`,
        42: [1, -2, { deep: [null, true] }],
        0x10: "hex key",
        1.5: "float key",
        empty: {},
        list: [], // trailing comma next
    }"#;
    assert_eq!(
        literal(source),
        Some(json!({
            "orderId": 123,
            "customer-name": "Ada",
            "quoted": "tpl",
            "42": [1, -2, {"deep": [null, true]}],
            "16": "hex key",
            "1.5": "float key",
            "empty": {},
            "list": [],
        }))
    );
    assert_eq!(literal("[1, 2, 3,]"), Some(json!([1, 2, 3])));
    assert_eq!(literal("[/* c */ 1, /* d */]"), Some(json!([1])));
    assert_eq!(literal("{ a: 1, a: 2 }"), Some(json!({"a": 2})));
}

#[test]
fn type_wrappers_and_parentheses_keep_the_value() {
    assert_eq!(literal("({ a: 1 })"), Some(json!({"a": 1})));
    assert_eq!(literal("{ a: 1 } as const"), Some(json!({"a": 1})));
    assert_eq!(literal("[1] satisfies number[]"), Some(json!([1])));
}

#[test]
fn anything_dynamic_has_no_value() {
    for expression in [
        "undefined",
        "NaN",
        "Infinity",
        "someVariable",
        "{ a: someVariable }",
        "{ ...rest }",
        "{ a: 1, ...rest }",
        "[...items]",
        "[1, , 2]",
        "[, 1]",
        "{ [key]: 1 }",
        "{ shorthand }",
        "{ method() { return 1; } }",
        "{ get a() { return 1; } }",
        "{ a: f() }",
        "{ a: 1 + 2 }",
        "{ a: -'x' }",
        "{ a: [1, { b: `${x}` }] }",
        "new Date()",
        "/regex/",
        "() => 1",
        "(1, 2)",
        "<div />",
    ] {
        assert_eq!(literal(expression), None, "{expression} should have no value");
    }
}

#[test]
fn syntax_errors_have_no_value() {
    assert_eq!(literal("{ a: 1, b: }"), None);
    assert_eq!(literal("[1, 2"), None);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 20_000;
    let source = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let value = literal(&source);
    assert_eq!(value.as_ref().map(nesting_depth), Some(depth));
    assert_eq!(value.as_ref().map(innermost), Some(&json!(1)));
    // serde_json drops nested values recursively; unwind them by hand instead.
    drop_iteratively(value);
}

fn innermost(value: &Value) -> &Value {
    let mut current = value;
    while let Some(first) = current.as_array().and_then(|items| items.first()) {
        current = first;
    }
    current
}

fn nesting_depth(value: &Value) -> usize {
    let mut depth = 0;
    let mut current = value;
    while let Some(first) = current.as_array().and_then(|items| items.first()) {
        depth += 1;
        current = first;
    }
    depth
}

fn drop_iteratively(value: Option<Value>) {
    let mut stack: Vec<Value> = value.into_iter().collect();
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}
