//! The committed corpus (`server/tests/fuzz_corpus/`), replayed in every test run: inputs that
//! once broke something, or that are known to be hostile. `text/` holds files of any bytes (read
//! as text, with invalid UTF-8 replaced) for every entry point; `jsonc/` holds config files.

use std::path::{Path, PathBuf};

use super::entry_points::{Offsets, exercise};
use super::properties::read_as_function_config;

fn corpus(kind: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("the corpus {} cannot be read: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus {} is empty", dir.display());
    files.into_iter().map(|path| (path.clone(), std::fs::read(&path).unwrap_or_default())).collect()
}

#[test]
fn the_text_corpus_goes_through_every_entry_point() {
    for (path, bytes) in corpus("text") {
        let started = std::time::Instant::now();
        let offsets = if bytes.len() <= 4096 { Offsets::Every } else { Offsets::Spread(200) };
        exercise(&String::from_utf8_lossy(&bytes), offsets);
        eprintln!("corpus: {} ({:?})", path.display(), started.elapsed());
    }
}

#[test]
fn the_config_corpus_goes_through_the_config_reader() {
    for (path, bytes) in corpus("jsonc") {
        eprintln!("corpus: {}", path.display());
        let text = String::from_utf8_lossy(&bytes);
        exercise(&text, Offsets::Every);
        read_as_function_config(&text);
    }
}
