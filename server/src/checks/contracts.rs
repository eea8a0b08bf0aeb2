//! Calls checked against the called function's contract: data that is not an object (the SDK
//! throws), keys the function never reads (with did-you-mean), required inputs missing from a
//! literal data object, keys of the function's JSON that no response has; and in an entry, the
//! secrets it reads that neither the environment nor the project's `.env` files define.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use tree_sitter::{Node, Tree};

use super::names::{closest, is_identifier};
use crate::modules::calls::{CallKind, CallSite};
use crate::modules::flow::Observation;
use crate::modules::flow::shape::Origin;
use crate::modules::graph::Analysis;
use crate::project::contract::Contract;
use crate::project::env_file::{env_file_paths, parse_dotenv};
use crate::project::index::ProjectIndex;
use crate::syntax::diagnostics::{Diagnostic, Fix, Severity, TextEdit};
use crate::syntax::{TopLevel, string_literal, strip_wrappers, text};

pub const INVOKE_DATA_NOT_OBJECT: &str = "invoke-data-not-object";
pub const UNKNOWN_INPUT: &str = "unknown-input";
pub const MISSING_INPUT: &str = "missing-input";
pub const UNKNOWN_RESPONSE_KEY: &str = "unknown-response-key";
pub const MISSING_SECRET: &str = "missing-secret";

/// Everything the contracts say about one analysed file.
pub fn contract_diagnostics(
    project: &ProjectIndex,
    path: &Path,
    src: &str,
    tree: &Tree,
    analysis: &Analysis,
) -> Vec<Diagnostic> {
    let check = Check::new(project, path, src);
    let mut out = check.data_of(tree, analysis.index.top_level(), &analysis.facts.sites);
    out.extend(check.reads(&analysis.flow.observations));
    out.extend(secret_diagnostics(project, path));
    out
}

/// Sorts diagnostics by place and message, and drops repeats of one.
pub(crate) fn in_order_once(diagnostics: &mut Vec<Diagnostic>) {
    let key = |d: &Diagnostic| (d.range.start, d.range.end, d.code, d.message.clone());
    diagnostics.sort_by_cached_key(key);
    diagnostics.dedup_by(|a, b| a == b);
}

/// In an entry, the secrets it reads that nothing defines where a local run would look.
pub fn secret_diagnostics(project: &ProjectIndex, path: &Path) -> Vec<Diagnostic> {
    let Some(contract) = project.function_with_entry(path).and_then(|f| f.contract.as_ref()) else {
        return Vec::new();
    };
    if contract.secrets.is_empty() {
        return Vec::new();
    }
    let defined = defined_secrets(&project.project.root);
    contract
        .secrets
        .iter()
        .filter(|secret| std::env::var_os(&secret.name).is_none() && !defined.contains(&secret.name))
        .map(|secret| {
            let message = format!(
                "`{}` is set neither in the environment nor in .env or base44/.env: a local ▶ Invoke reads undefined (on the app it comes from its secrets)",
                secret.name
            );
            Diagnostic::new(path, secret.range.clone(), Severity::Hint, MISSING_SECRET, message)
        })
        .collect()
}

/// A file's calls and reads against its project's contracts.
pub struct Check<'a> {
    project: &'a ProjectIndex,
    path: &'a Path,
    src: &'a str,
}

impl<'a> Check<'a> {
    pub fn new(project: &'a ProjectIndex, path: &'a Path, src: &'a str) -> Self {
        Self { project, path, src }
    }

    /// The data each invoke among `sites` is given, against the function's inputs. `top`: the
    /// tree's top-level statements, listed once for all the sites (a descent from the root
    /// scans them one by one, which in a long file was most of what this check cost).
    pub fn data_of(&self, tree: &Tree, top: &TopLevel, sites: &[CallSite]) -> Vec<Diagnostic> {
        sites.iter().flat_map(|site| self.data(tree, top, site)).collect()
    }

    /// The keys read off functions' JSON (as the flow observed them) that no response has.
    /// In document order, each once: the order the flow happened to observe them in is no
    /// order of the file's, and a run over part of the file (`checks::parts`) observes them
    /// in another.
    pub fn reads(&self, observations: &[Observation]) -> Vec<Diagnostic> {
        let src = self.src;
        let mut out = Vec::new();
        for observation in observations {
            match observation {
                // Half-typed (`res.data.` before the next line's word): the tree's guess is no key.
                Observation::JsonRead { member, .. } | Observation::JsonDestructure { pattern: member, .. }
                    if member.has_error() => {}
                Observation::JsonRead { member, property, origin } => {
                    let key = (text(*property, src), property.byte_range());
                    out.extend(self.response_key(origin, *member, key));
                }
                Observation::JsonDestructure { pattern, origin } => {
                    for (key, range) in pattern_keys(*pattern, src) {
                        out.extend(self.response_key(origin, *pattern, (key.as_str(), range)));
                    }
                }
                _ => {}
            }
        }
        in_order_once(&mut out);
        out
    }
    fn contract(&self, name: &str) -> Option<&Contract> {
        self.project.function(name)?.contract.as_ref()
    }

    fn diagnostic(&self, range: Range<usize>, severity: Severity, code: &'static str, message: String) -> Diagnostic {
        Diagnostic::new(self.path, range, severity, code, message)
    }

    fn fix(&self, title: String, range: Range<usize>, new_text: String) -> Fix {
        Fix { title, edits: vec![TextEdit { path: self.path.to_path_buf(), range, new_text }] }
    }

    /// The data an invoke is given: an object, or the SDK throws; its keys against the inputs.
    /// (Nothing for the other sites.)
    pub fn data(&self, tree: &Tree, top: &TopLevel, site: &CallSite) -> Vec<Diagnostic> {
        if site.kind != CallKind::Invoke {
            return Vec::new();
        }
        let Some(range) = &site.data else { return Vec::new() };
        let Some(node) = node_at(tree, top, range).map(strip_wrappers) else { return Vec::new() };
        let name = &site.value;
        match node.kind() {
            "string" | "template_string" | "number" | "array" | "true" | "false" => {
                let message = format!(
                    "`invoke(\"{name}\", …)` throws with this data: the SDK sends only an object of named parameters (\"Function {name} must receive an object with named parameters\")"
                );
                vec![self.diagnostic(node.byte_range(), Severity::Error, INVOKE_DATA_NOT_OBJECT, message)]
            }
            "object" => match self.contract(name) {
                Some(contract) => self.data_keys(name, contract, node),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// Keys the function never reads, and required inputs missing from the object.
    fn data_keys(&self, name: &str, contract: &Contract, object: Node) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut cursor = object.walk();
        let entries: Vec<Node> = object.named_children(&mut cursor).filter(|e| e.kind() != "comment").collect();
        let mut given = BTreeSet::new();
        let mut complete = true;
        for entry in &entries {
            let Some((key, key_node, shorthand)) = data_key(*entry, self.src) else {
                // A spread or a computed key: what else is given cannot be told.
                complete = false;
                continue;
            };
            given.insert(key.clone());
            if contract.inputs_open || contract.input(&key).is_some() {
                continue;
            }
            let known = contract.inputs.iter().map(|i| i.name.as_str());
            let suggestions = closest(&key, known);
            let hint = match suggestions.first() {
                Some(best) => format!("; did you mean `{best}`?"),
                None if contract.inputs.is_empty() => " (it reads no input)".to_string(),
                None => String::new(),
            };
            let message = format!("\"{name}\" never reads `{key}`{hint}");
            let mut diagnostic = self.diagnostic(key_node.byte_range(), Severity::Warning, UNKNOWN_INPUT, message);
            for suggestion in suggestions {
                let written = if is_identifier(suggestion) {
                    suggestion.to_string()
                } else {
                    serde_json::to_string(suggestion).unwrap_or_default()
                };
                let new_text = if shorthand { format!("{written}: {key}") } else { written };
                let title = format!("Change to `{suggestion}`");
                diagnostic = diagnostic.with_fix(self.fix(title, key_node.byte_range(), new_text));
            }
            out.push(diagnostic);
        }
        if complete {
            let missing: Vec<&str> = contract
                .inputs
                .iter()
                .filter(|i| i.required && !given.contains(&i.name))
                .map(|i| i.name.as_str())
                .collect();
            if !missing.is_empty() {
                let listed = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
                let noun = if missing.len() == 1 { "input" } else { "inputs" };
                let message = format!("\"{name}\" requires the {noun} {listed}, not given here");
                let start = object.start_byte();
                out.push(self.diagnostic(start..start + 1, Severity::Information, MISSING_INPUT, message));
            }
        }
        out
    }

    /// A key read off the function's JSON that no response of it has.
    fn response_key(&self, origin: &Origin, read: Node, (key, range): (&str, Range<usize>)) -> Option<Diagnostic> {
        let name = origin.name.as_deref()?;
        let known = self.contract(name)?.response_keys()?;
        if known.contains(&key) {
            return None;
        }
        let suggestions = closest(key, known.iter().copied());
        let hint = match suggestions.first() {
            Some(best) => format!("; did you mean `{best}`?"),
            None => format!(" (it returns {})", known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")),
        };
        let message = format!("No response of \"{name}\" has `{key}`{hint}");
        let mut diagnostic = self.diagnostic(range.clone(), Severity::Warning, UNKNOWN_RESPONSE_KEY, message);
        // `{ sucess }` binds a name too: keep it, take the right key.
        let shorthand = read.kind() == "object_pattern" && is_shorthand_in_pattern(read, &range);
        for suggestion in suggestions.into_iter().filter(|s| is_identifier(s)) {
            let new_text = if shorthand { format!("{suggestion}: {key}") } else { suggestion.to_string() };
            diagnostic = diagnostic.with_fix(self.fix(format!("Change to `{suggestion}`"), range.clone(), new_text));
        }
        Some(diagnostic)
    }
}

/// The names the project's env files define (a file that cannot be read defines nothing).
fn defined_secrets(root: &Path) -> BTreeSet<String> {
    env_file_paths(root)
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .filter_map(|text| parse_dotenv(&text).ok())
        .flatten()
        .map(|(name, _)| name)
        .collect()
}

/// A data object's entry: its key, the node that writes it, and whether it is a shorthand.
fn data_key<'t>(entry: Node<'t>, src: &str) -> Option<(String, Node<'t>, bool)> {
    match entry.kind() {
        "shorthand_property_identifier" => Some((text(entry, src).to_string(), entry, true)),
        "pair" | "method_definition" => {
            let key = entry.child_by_field_name("key").or_else(|| entry.child_by_field_name("name"))?;
            let written = match key.kind() {
                "property_identifier" => text(key, src).to_string(),
                "string" => string_literal(key, src)?.value,
                _ => return None,
            };
            Some((written, key, false))
        }
        _ => None,
    }
}

/// The keys an object pattern takes, each with the range of its key.
fn pattern_keys(pattern: Node, src: &str) -> Vec<(String, Range<usize>)> {
    let mut cursor = pattern.walk();
    let entries: Vec<Node> = pattern.named_children(&mut cursor).collect();
    entries
        .into_iter()
        .filter_map(|entry| {
            let key = match entry.kind() {
                "shorthand_property_identifier_pattern" => entry,
                "object_assignment_pattern" => entry.child_by_field_name("left")?,
                "pair_pattern" => entry.child_by_field_name("key")?,
                _ => return None,
            };
            let written = match key.kind() {
                "string" => string_literal(key, src)?.value,
                _ => text(key, src).to_string(),
            };
            Some((written, key.byte_range()))
        })
        .collect()
}

/// Whether the key at `range` in an object pattern is a shorthand (`{ a }`, `{ a = 1 }`).
fn is_shorthand_in_pattern(pattern: Node, range: &Range<usize>) -> bool {
    let mut cursor = pattern.walk();
    let entries: Vec<Node> = pattern.named_children(&mut cursor).collect();
    entries.into_iter().any(|entry| match entry.kind() {
        "shorthand_property_identifier_pattern" => entry.byte_range() == *range,
        "object_assignment_pattern" => entry.child_by_field_name("left").is_some_and(|l| l.byte_range() == *range),
        _ => false,
    })
}

/// The node exactly at `range`.
fn node_at<'t>(tree: &'t Tree, top: &TopLevel<'t>, range: &Range<usize>) -> Option<Node<'t>> {
    // From the statement that holds the range, where a descent from the root would go.
    let statement = top.child_for_byte(range.start);
    let from = statement.filter(|s| s.start_byte() <= range.start && range.end <= s.end_byte());
    let mut node = from.unwrap_or_else(|| tree.root_node()).descendant_for_byte_range(range.start, range.end)?;
    for _ in 0..8 {
        if node.byte_range() == *range {
            return Some(node);
        }
        node = node.parent()?;
    }
    None
}
