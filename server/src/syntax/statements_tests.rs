use super::{TopKind, top_statements};
use crate::syntax::{Lang, parse};

/// Each statement as `kind [declared names] text` (the text on one line).
fn split(src: &str) -> Vec<String> {
    let Some(statements) = top_statements(src) else { return vec!["(cannot tell)".into()] };
    statements
        .iter()
        .map(|s| {
            let kind = match s.kind {
                TopKind::Import => "import",
                TopKind::ExportList => "exports",
                TopKind::Other => "other",
            };
            let names: Vec<&str> = s.declares.iter().map(|r| &src[r.clone()]).collect();
            format!("{kind} {names:?} {}", src[s.range.clone()].replace('\n', "⏎"))
        })
        .collect()
}

#[test]
fn declarations_declare_their_names() {
    let src = "import { a } from \"a\";\nexport const b = 1, c = a;\nconst { d, e: [f] } = g;\nexport default async function h() {}\n\
               class I extends J {}\ninterface K {}\ntype L = M;\nenum N { O }\nexport function* P() {}\nlet q: Map<R, S> = new Map(), t;\n";
    assert_eq!(
        split(src),
        [
            "import [] import { a } from \"a\";",
            "other [\"b\", \"c\"] export const b = 1, c = a;",
            "other [\"d\", \"e\", \"f\"] const { d, e: [f] } = g;",
            "other [\"h\"] export default async function h() {}",
            "other [\"I\"] class I extends J {}",
            "other [\"K\"] interface K {}",
            "other [\"L\"] type L = M;",
            "other [\"N\"] enum N { O }",
            "other [\"P\"] export function* P() {}",
            "other [\"q\", \"t\"] let q: Map<R, S> = new Map(), t;",
        ]
    );
}

#[test]
fn exports_lists_and_expressions_declare_nothing() {
    let src = "export { a, b as c };\nexport * from \"./d\";\nexport type { E } from \"./e\";\nexport default f;\nimport(\"./g\");\nimport.meta.env;\n";
    assert_eq!(
        split(src),
        [
            "exports [] export { a, b as c };",
            "exports [] export * from \"./d\";",
            "exports [] export type { E } from \"./e\";",
            "other [] export default f;",
            "other [] import(\"./g\");",
            "other [] import.meta.env;",
        ]
    );
}

#[test]
fn lines_that_go_on_stay_in_their_statement() {
    let src = "const a = b\n  .then(c)\nconst d = e +\nf\nconst g = h\ninstanceof I\nexport default\nJ\nif (k)\nl()\nconst m = n\nas O\nconst p = q\nr()\n";
    assert_eq!(
        split(src),
        [
            "other [\"a\"] const a = b⏎  .then(c)",
            "other [\"d\"] const d = e +⏎f",
            "other [\"g\"] const g = h⏎instanceof I",
            "other [] export default⏎J",
            // A head without braces may have its body on the next line: kept with it.
            "other [\"m\"] if (k)⏎l()⏎const m = n⏎as O",
            "other [\"p\"] const p = q",
            "other [] r()",
        ]
    );
}

#[test]
fn strings_templates_regexes_and_comments_hide_brackets() {
    let src = "const a = \"{\" + '(' + `${b + `}${c}`}` + /[/{]\\//g;\n// }\n/* ) */\nconst d = 1; // {\nfunction e() { return f / 2 / g; }\n";
    assert_eq!(
        split(src),
        [
            "other [\"a\"] const a = \"{\" + '(' + `${b + `}${c}`}` + /[/{]\\//g;",
            "other [\"d\"] const d = 1;",
            "other [\"e\"] function e() { return f / 2 / g; }",
        ]
    );
}

#[test]
fn jsx_text_spoils_one_line_at_most() {
    let src = "export function A() {\n  return <p>Don't {b}</p>;\n}\nexport const C = () => <D e=\"f\" />;\nexport function G() {\n  return <div>{h}</div>;\n}\n";
    assert_eq!(
        split(src),
        [
            "other [\"A\"] export function A() {⏎  return <p>Don't {b}</p>;⏎}",
            "other [\"C\"] export const C = () => <D e=\"f\" />;",
            "other [\"G\"] export function G() {⏎  return <div>{h}</div>;⏎}",
        ]
    );
}

#[test]
fn unmatched_brackets_and_open_comments_cannot_be_told() {
    for src in ["function a() {\n", "a)\n", "/* open\nconst b = 1\n", "const c = `open ${d}\n", "f(]\n"] {
        assert_eq!(split(src), ["(cannot tell)"], "{src:?}");
    }
}

#[test]
fn unicode_spaces_part_words_and_other_letters_make_them() {
    assert_eq!(
        split("const\u{a0}x = 1;\nexport\u{2003}function\u{feff}f() {}\nconst café = \"é\";\n"),
        [
            "other [\"x\"] const\u{a0}x = 1;",
            "other [\"f\"] export\u{2003}function\u{feff}f() {}",
            "other [\"café\"] const café = \"é\";"
        ]
    );
}

#[test]
fn a_hashbang_line_and_blank_files_are_fine() {
    assert_eq!(split("#!/usr/bin/env node\nrun()\n"), ["other [] run()"]);
    assert_eq!(split(""), Vec::<String>::new());
    assert_eq!(split("// only a comment\n"), Vec::<String>::new());
}

/// Every statement the scan finds in the files this repository holds is a run of the
/// parser's top-level statements, and declares every name the parser sees it declare.
#[test]
fn the_scan_agrees_with_the_parser_on_the_repositorys_sources() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut checked = 0;
    for folder in ["server/tests", "examples", "tests", "editors", "bench/tests"] {
        for entry in walkdir_files(&root.join(folder)) {
            let Some(lang) = Lang::from_path(&entry) else { continue };
            let Ok(text) = std::fs::read_to_string(&entry) else { continue };
            let Some(tree) = parse(&text, lang, None) else { continue };
            if tree.root_node().has_error() {
                continue;
            }
            let Some(statements) = top_statements(&text) else {
                continue;
            };
            agree(&text, &tree, &statements, &entry);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} files checked");
}

/// The files under `dir` that git does not ignore.
fn walkdir_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let walk = ignore::WalkBuilder::new(dir).build();
    let mut found: Vec<_> =
        walk.flatten().filter(|e| e.file_type().is_some_and(|t| t.is_file())).map(|e| e.into_path()).collect();
    found.sort();
    found
}

fn agree(text: &str, tree: &tree_sitter::Tree, statements: &[super::TopStatement], path: &std::path::Path) {
    let root = tree.root_node();
    let mut cursor = root.walk();
    let children: Vec<_> = root.named_children(&mut cursor).filter(|c| c.kind() != "comment").collect();
    for statement in statements {
        let inside: Vec<_> = children
            .iter()
            .filter(|c| statement.range.start <= c.start_byte() && c.start_byte() < statement.range.end)
            .collect();
        let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
            panic!("{}: no statement of the parser's in {}", path.display(), shown(text, statement));
        };
        // The parser's statement may take in a comment after it (looking for a semicolon).
        let end = match text.get(statement.range.end..last.end_byte()).map(str::trim_start) {
            Some(rest) if rest.starts_with("//") || rest.starts_with("/*") => statement.range.end,
            _ => last.end_byte(),
        };
        assert_eq!(
            (first.start_byte(), end),
            (statement.range.start, statement.range.end),
            "{}: {}",
            path.display(),
            shown(text, statement)
        );
        let declared: Vec<&str> = statement.declares.iter().map(|r| &text[r.clone()]).collect();
        for &&child in &inside {
            for name in parser_declared(child, text) {
                assert!(
                    declared.contains(&name),
                    "{}: {name} is declared by {}",
                    path.display(),
                    shown(text, statement)
                );
            }
        }
    }
}

/// The names a top-level statement declares, as the parser reads them.
fn parser_declared<'s>(statement: tree_sitter::Node, text: &'s str) -> Vec<&'s str> {
    let node = match statement.kind() {
        "export_statement" => match statement.child_by_field_name("declaration") {
            Some(declaration) => declaration,
            None => return Vec::new(),
        },
        _ => statement,
    };
    let mut names = Vec::new();
    match node.kind() {
        "lexical_declaration" | "variable_declaration" => {
            let mut cursor = node.walk();
            for declarator in node.named_children(&mut cursor).filter(|d| d.kind() == "variable_declarator") {
                let Some(name) = declarator.child_by_field_name("name") else { continue };
                let mut pending = vec![name];
                while let Some(n) = pending.pop() {
                    if matches!(n.kind(), "identifier" | "shorthand_property_identifier_pattern") {
                        names.push(&text[n.byte_range()]);
                    }
                    let mut inner = n.walk();
                    pending.extend(n.named_children(&mut inner).filter(|c| c.kind() != "property_identifier"));
                }
            }
        }
        _ => {
            if let Some(name) = node.child_by_field_name("name")
                && node.kind() != "expression_statement"
            {
                names.push(&text[name.byte_range()]);
            }
        }
    }
    names
}

/// A statement's first 200 characters, for failure messages.
fn shown(text: &str, statement: &super::TopStatement) -> String {
    format!("{:?}", text[statement.range.clone()].chars().take(200).collect::<String>())
}
