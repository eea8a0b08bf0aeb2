//! Which top-level statements share a part: each case is a file whose statements are
//! numbered in order, and the parts expected as lists of those numbers.

use super::Split;
use crate::modules::flow::index::Index;
use crate::syntax::{Lang, parse};

fn parts_of(src: &str) -> Vec<Vec<usize>> {
    let tree = parse(src, Lang::Tsx, None).expect("a tree");
    let index = Index::build(&tree, src);
    let (split, _) = Split::new(&tree, &index, None);
    let mut parts = split.parts.clone();
    parts.sort();
    parts
}

#[test]
fn statements_that_share_no_name_are_parts_of_their_own() {
    let src = "const a = 1;\nconst b = 2;\nfunction c() { return 3; }\n";
    assert_eq!(parts_of(src), vec![vec![0], vec![1], vec![2]]);
}

#[test]
fn a_helper_joins_its_callers_and_a_variable_its_uses() {
    let src = "async function load() { return base44.functions.invoke(\"x\"); }\n\
               const other = 2;\n\
               export async function page() { const r = await load(); return r.total; }\n";
    assert_eq!(parts_of(src), vec![vec![0, 2], vec![1]]);
}

#[test]
fn an_import_joins_nobody_unless_a_statement_writes_to_its_name() {
    let src = "import { base44 } from \"@/api/base44Client\";\n\
               const a = () => base44.functions.invoke(\"a\");\n\
               const b = () => base44.functions.invoke(\"b\");\n";
    assert_eq!(parts_of(src), vec![vec![0], vec![1], vec![2]]);
    let written = "import { client } from \"./c\";\n\
                   client = makeOther();\n\
                   const a = () => client.functions.invoke(\"a\");\n";
    assert_eq!(parts_of(written), vec![vec![0, 1, 2]]);
}

#[test]
fn an_export_list_joins_what_it_names() {
    let src = "const load = () => base44.functions.invoke(\"x\");\nconst other = 1;\nexport { load as fetchIt };\n";
    assert_eq!(parts_of(src), vec![vec![0, 2], vec![1]]);
}

#[test]
fn a_name_in_a_string_or_comment_joins_too() {
    // Over-approximation: a word that is no name only joins more statements.
    let src = "const data = 1;\nconst label = \"data\"; // data\n";
    assert_eq!(parts_of(src), vec![vec![0, 1]]);
}

#[test]
fn an_unchanged_statement_is_kept_from_the_previous_split() {
    let src = "const a = 1;\nconst b = 2;\n";
    let mut tree = parse(src, Lang::Tsx, None).expect("a tree");
    let index = Index::build(&tree, src);
    let (first, _) = Split::new(&tree, &index, None);
    drop(index);
    // Type one character into the second statement.
    let edited = "const a = 1;\nconst b = 23;\n";
    let at = src.find("2;").expect("the literal") + 1;
    let point = |offset: usize| tree_sitter::Point { row: 1, column: offset - 13 };
    tree.edit(&tree_sitter::InputEdit {
        start_byte: at,
        old_end_byte: at,
        new_end_byte: at + 1,
        start_position: point(at),
        old_end_position: point(at),
        new_end_position: point(at + 1),
    });
    let new_tree = parse(edited, Lang::Tsx, Some(&tree)).expect("a tree");
    let new_index = Index::build(&new_tree, edited);
    let (second, same) = Split::new(&new_tree, &new_index, Some(&first));
    assert_eq!(same, vec![Some(0), None]);
    assert_eq!(second.statements[1].range, 13..26);
}
