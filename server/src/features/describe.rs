//! A function described for people, in Markdown: its doc comment, the inputs it reads (which
//! are required), each response's status and keys, the secrets and entities it uses. Shown by
//! hover and by completion items.

use crate::project::contract::Contract;
use crate::project::functions::FunctionDef;

/// The function's doc comment and contract, as Markdown; `None` when there is nothing to say.
pub fn documentation(function: &FunctionDef) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(doc) = function.serve.as_ref().and_then(|s| s.doc.clone()) {
        parts.push(doc);
    }
    if let Some(contract) = &function.contract {
        parts.extend(contract_parts(contract));
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

fn contract_parts(contract: &Contract) -> Vec<String> {
    let mut parts = Vec::new();
    if !contract.inputs.is_empty() || contract.inputs_open {
        let mut inputs: Vec<String> = contract
            .inputs
            .iter()
            .map(|i| if i.required { format!("`{}`", i.name) } else { format!("`{}` (optional)", i.name) })
            .collect();
        if contract.inputs_open {
            inputs.push("and others it reads in ways not followed".to_string());
        }
        parts.push(format!("**Inputs:** {}", inputs.join(", ")));
    }
    if !contract.responses.is_empty() {
        let mut lines = vec!["**Responses:**".to_string()];
        for response in &contract.responses {
            let status = response.status.map_or("(status set at run time)".to_string(), |s| s.to_string());
            let keys: Vec<String> = response
                .keys
                .iter()
                .map(|key| match response.nested.iter().find(|(k, _)| k == key) {
                    Some((_, inner)) => format!("`{key}` {{ {} }}", inner.join(", ")),
                    None => format!("`{key}`"),
                })
                .collect();
            let keys = if keys.is_empty() { "(empty object)".to_string() } else { keys.join(", ") };
            lines.push(format!("- {status}: {keys}"));
        }
        if contract.responses_open {
            lines.push("- and others built in ways not followed".to_string());
        }
        parts.push(lines.join("\n"));
    }
    if !contract.secrets.is_empty() {
        let secrets: Vec<String> = contract.secrets.iter().map(|s| format!("`{}`", s.name)).collect();
        parts.push(format!("**Secrets:** {}", secrets.join(", ")));
    }
    if !contract.entities.is_empty() {
        let entities: Vec<String> =
            contract.entities.iter().map(|e| format!("`{}` ({})", e.entity, e.operations.join(", "))).collect();
        parts.push(format!("**Entities:** {}", entities.join(", ")));
    }
    parts
}
