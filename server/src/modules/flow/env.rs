//! What a file's imports bring, as the module graph knows them: the shape of each
//! imported name (a client, a function that invokes, a function object…) and the package
//! it comes from; plus the wrappers the user named in the settings.

use std::collections::HashMap;

use super::direct::ClientKind;
use super::shape::Shape;
use crate::modules::calls::CallKind;
use crate::modules::resolve::is_base44_sdk;

/// Packages whose clients have a `functions.invoke` of their own.
const LOOKALIKE_PACKAGES: &[&str] = &[
    "@supabase/supabase-js",
    "@supabase/functions-js",
    "firebase",
    "@firebase/functions",
    "appwrite",
    "@nhost/nhost-js",
];

/// One imported name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// What the module graph says the name is, when it says anything.
    pub shape: Option<Shape>,
    /// The package it comes from, for an import of a package.
    pub package: Option<String>,
}

/// A function the user declared a wrapper (`base44.wrappers` in the settings): its calls
/// name a function with one argument, as `invoke`'s first does.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfiguredWrapper {
    pub name: String,
    #[serde(default)]
    pub name_arg: usize,
    #[serde(default)]
    pub data_arg: Option<usize>,
    #[serde(default = "invoke_kind")]
    pub kind: CallKind,
}

fn invoke_kind() -> CallKind {
    CallKind::Invoke
}

#[derive(Debug, Clone, Default)]
pub struct Env {
    pub imports: HashMap<String, Imported>,
    pub wrappers: Vec<ConfiguredWrapper>,
    /// The file imports an SDK whose clients look like Base44's.
    pub lookalike_imported: bool,
}

impl Env {
    /// An environment with the given imports; notes any look-alike SDK among them.
    pub fn new(imports: HashMap<String, Imported>, wrappers: Vec<ConfiguredWrapper>) -> Self {
        let lookalike_imported = imports
            .values()
            .filter_map(|i| i.package.as_deref())
            .any(|p| LOOKALIKE_PACKAGES.contains(&p) || p.starts_with("firebase/"));
        Self { imports, wrappers, lookalike_imported }
    }

    /// What an imported name says about the client it is, if it is imported.
    pub fn client_import(&self, name: &str) -> Option<ClientKind> {
        let imported = self.imports.get(name)?;
        match (&imported.shape, &imported.package) {
            (Some(Shape::Client), _) => Some(ClientKind::Base44),
            (Some(Shape::OtherClient), _) => Some(ClientKind::Other),
            (_, Some(package)) if is_base44_sdk(package) => Some(ClientKind::Base44),
            (_, Some(_)) => Some(ClientKind::Other),
            _ => Some(ClientKind::Unknown),
        }
    }

    pub fn package_of(&self, name: &str) -> Option<&str> {
        self.imports.get(name)?.package.as_deref()
    }
}
