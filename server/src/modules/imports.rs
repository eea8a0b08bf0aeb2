//! A file's imports and exports, read off its top-level statements: which local names come
//! from which module, and what the file gives under which name (a binding of its own, an
//! expression, or a re-export of another module's).

use tree_sitter::{Node, Tree};

use crate::syntax::fields::FieldExt;
use crate::syntax::{string_literal, text};

/// What an import takes from its module.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Imported {
    Named(String),
    Default,
    /// `* as name`: the whole module.
    Namespace,
}

impl Imported {
    /// The export name it reads (`default` for a default import).
    pub fn export_name(&self) -> Option<&str> {
        match self {
            Imported::Named(name) => Some(name),
            Imported::Default => Some("default"),
            Imported::Namespace => None,
        }
    }

    fn from_name(name: &str) -> Self {
        if name == "default" { Imported::Default } else { Imported::Named(name.to_string()) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    pub local: String,
    pub source: String,
    pub imported: Imported,
}

/// What an export gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported<'t> {
    /// A name declared in the file: the declaring identifier.
    Binding(Node<'t>),
    /// `export default <expression>`.
    Expression(Node<'t>),
}

/// An export of another module's, by name or whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReExport {
    /// The name it is exported under (`None` for `export * from`).
    pub name: Option<String>,
    pub source: String,
    pub imported: Imported,
}

#[derive(Debug, Default)]
pub struct ModuleSyntax<'t> {
    pub imports: Vec<Import>,
    /// The file's own exports, by name (`default` for the default export).
    pub exports: Vec<(String, Exported<'t>)>,
    pub reexports: Vec<ReExport>,
}

impl<'t> ModuleSyntax<'t> {
    pub fn read(tree: &'t Tree, src: &str) -> Self {
        let mut module = ModuleSyntax::default();
        let root = tree.root_node();
        let mut cursor = root.walk();
        for statement in root.named_children(&mut cursor) {
            match statement.kind() {
                "import_statement" => module.import(statement, src),
                "export_statement" => module.export(statement, src),
                _ => {}
            }
        }
        // `import { a } from "./m"; export { a }` re-exports the other module's `a`.
        let imports = &module.imports;
        let mut reexports = Vec::new();
        module.exports.retain(|(name, exported)| {
            let Exported::Binding(node) = exported else { return true };
            let local = text(*node, src);
            match imports.iter().find(|i| i.local == local) {
                Some(import) if is_export_specifier(*node) => {
                    let reexport = ReExport {
                        name: Some(name.clone()),
                        source: import.source.clone(),
                        imported: import.imported.clone(),
                    };
                    reexports.push(reexport);
                    false
                }
                _ => true,
            }
        });
        module.reexports.extend(reexports);
        module
    }

    /// The local names the file imports from `source` (any module when `None`).
    pub fn local_names(&self) -> impl Iterator<Item = &str> {
        self.imports.iter().map(|i| i.local.as_str())
    }

    fn import(&mut self, statement: Node, src: &str) {
        let Some(source) = statement.field("source").and_then(|s| string_literal(s, src)) else { return };
        let source = source.value;
        let mut cursor = statement.walk();
        for clause in statement.named_children(&mut cursor).filter(|c| c.kind() == "import_clause") {
            let mut inner = clause.walk();
            for part in clause.named_children(&mut inner) {
                match part.kind() {
                    "identifier" => self.imports.push(Import {
                        local: text(part, src).to_string(),
                        source: source.clone(),
                        imported: Imported::Default,
                    }),
                    "namespace_import" => {
                        if let Some(name) = part.named_child(0) {
                            let local = text(name, src).to_string();
                            self.imports.push(Import { local, source: source.clone(), imported: Imported::Namespace });
                        }
                    }
                    "named_imports" => {
                        let mut specifiers = part.walk();
                        for specifier in part.named_children(&mut specifiers) {
                            let Some(name) = specifier.field("name") else { continue };
                            let imported = export_name(name, src);
                            let local = specifier.field("alias").map_or(imported.clone(), |a| text(a, src).to_string());
                            self.imports.push(Import {
                                local,
                                source: source.clone(),
                                imported: Imported::from_name(&imported),
                            });
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn export(&mut self, statement: Node<'t>, src: &str) {
        let source = statement.field("source").and_then(|s| string_literal(s, src)).map(|s| s.value);
        let is_default = {
            let mut cursor = statement.walk();
            statement.children(&mut cursor).any(|c| c.kind() == "default")
        };
        if let Some(declaration) = statement.field("declaration") {
            for name in declared_names(declaration) {
                let exported = if is_default { "default".to_string() } else { text(name, src).to_string() };
                self.exports.push((exported, Exported::Binding(name)));
            }
            return;
        }
        if let Some(value) = statement.field("value") {
            let exported = match value.kind() {
                "identifier" => Exported::Binding(value),
                _ => Exported::Expression(value),
            };
            self.exports.push(("default".to_string(), exported));
            return;
        }
        let mut cursor = statement.walk();
        let mut has_clause = false;
        for part in statement.named_children(&mut cursor) {
            match part.kind() {
                "export_clause" => {
                    has_clause = true;
                    let mut specifiers = part.walk();
                    for specifier in part.named_children(&mut specifiers) {
                        let Some(name) = specifier.field("name") else { continue };
                        let local = export_name(name, src);
                        let exported = specifier.field("alias").map_or(local.clone(), |a| export_name(a, src));
                        match &source {
                            Some(source) => self.reexports.push(ReExport {
                                name: Some(exported),
                                source: source.clone(),
                                imported: Imported::from_name(&local),
                            }),
                            None => self.exports.push((exported, Exported::Binding(name))),
                        }
                    }
                }
                "namespace_export" => {
                    has_clause = true;
                    if let (Some(name), Some(source)) = (part.named_child(0), &source) {
                        self.reexports.push(ReExport {
                            name: Some(export_name(name, src)),
                            source: source.clone(),
                            imported: Imported::Namespace,
                        });
                    }
                }
                _ => {}
            }
        }
        if let (false, Some(source)) = (has_clause, source) {
            self.reexports.push(ReExport { name: None, source, imported: Imported::Namespace });
        }
    }
}

/// `name` or `"string name"` in an import or export specifier.
fn export_name(node: Node, src: &str) -> String {
    string_literal(node, src).map_or_else(|| text(node, src).to_string(), |s| s.value)
}

fn is_export_specifier(node: Node) -> bool {
    node.parent().is_some_and(|p| p.kind() == "export_specifier")
}

/// The names a declaration introduces: a function's or class's name, each declarator's
/// plain name (destructured exports are not followed).
fn declared_names(declaration: Node) -> Vec<Node> {
    match declaration.kind() {
        "lexical_declaration" | "variable_declaration" => {
            let mut cursor = declaration.walk();
            declaration
                .named_children(&mut cursor)
                .filter(|d| d.kind() == "variable_declarator")
                .filter_map(|d| d.field("name").filter(|n| n.kind() == "identifier"))
                .collect()
        }
        _ => declaration.field("name").into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{Lang, parse};

    fn read(src: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
        let tree = parse(src, Lang::Tsx, None).expect("parses");
        let module = ModuleSyntax::read(&tree, src);
        let imports = module.imports.iter().map(|i| format!("{} <- {:?} {}", i.local, i.imported, i.source)).collect();
        let exports = module
            .exports
            .iter()
            .map(|(name, exported)| match exported {
                Exported::Binding(node) => format!("{name} = binding {}", text(*node, src)),
                Exported::Expression(node) => format!("{name} = {}", node.kind()),
            })
            .collect();
        let reexports = module
            .reexports
            .iter()
            .map(|r| format!("{} <- {:?} {}", r.name.as_deref().unwrap_or("*"), r.imported, r.source))
            .collect();
        (imports, exports, reexports)
    }

    #[test]
    fn every_import_form() {
        let (imports, _, _) = read(
            r#"import base44, { a, b as c, "d-e" as f } from "./x";
import * as api from "@/api";
import "./side-effect.css";
import type { T } from "./types";"#,
        );
        assert_eq!(
            imports,
            [
                "base44 <- Default ./x",
                "a <- Named(\"a\") ./x",
                "c <- Named(\"b\") ./x",
                "f <- Named(\"d-e\") ./x",
                "api <- Namespace @/api",
                "T <- Named(\"T\") ./types",
            ]
        );
    }

    #[test]
    fn every_export_form() {
        let (_, exports, reexports) = read(
            r#"import { shared } from "./shared";
export const checkout = base44.functions.checkout, other = 1;
export function load() {}
export default async function (name) {}
const a = 1, b = 2;
export { a as renamed, b, shared };
export { q as w, default as Thing } from "./m";
export * from "./all";
export * as ns from "./ns";
export const { x } = obj;"#,
        );
        assert_eq!(
            exports,
            [
                "checkout = binding checkout",
                "other = binding other",
                "load = binding load",
                "default = function_expression",
                "renamed = binding a",
                "b = binding b",
            ]
        );
        assert_eq!(
            reexports,
            [
                "w <- Named(\"q\") ./m",
                "Thing <- Default ./m",
                "* <- Namespace ./all",
                "ns <- Namespace ./ns",
                "shared <- Named(\"shared\") ./shared",
            ]
        );
    }

    #[test]
    fn default_exports_of_names_declarations_and_objects() {
        let (_, exports, _) = read("export default function named() {}\n");
        assert_eq!(exports, ["default = binding named"]);
        let (_, exports, _) = read("const api = {};\nexport default api;\n");
        assert_eq!(exports, ["default = binding api"]);
        let (_, exports, _) = read("export default { load, save: () => 1 };\n");
        assert_eq!(exports, ["default = object"]);
    }
}
