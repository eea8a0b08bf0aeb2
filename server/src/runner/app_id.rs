//! The linked app's id, from `base44/.app.jsonc` (or `.app.json`): `{ "id": "<appId>" }`.

use std::path::Path;

use super::error::InvokeError;

/// The app id of the project at `project_root`, or `None` when the project is not linked (no file,
/// or a file without an `id`). A file that is not valid JSONC is an error naming the file.
pub fn read_app_id(project_root: &Path) -> Result<Option<String>, InvokeError> {
    for file_name in [".app.jsonc", ".app.json"] {
        let path = project_root.join("base44").join(file_name);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => {
                return Err(InvokeError::InvalidProjectFile { path, message: error.to_string() });
            }
        };
        let value: serde_json::Value =
            jsonc_parser::parse_to_serde_value(&text, &jsonc_parser::ParseOptions::default())
                .map_err(|error| InvokeError::InvalidProjectFile { path: path.clone(), message: error.to_string() })?;
        let id = value.get("id").and_then(serde_json::Value::as_str).map(str::trim);
        return Ok(id.filter(|id| !id.is_empty()).map(str::to_owned));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct TempProject(std::path::PathBuf);

    impl TempProject {
        fn new(tag: &str) -> std::io::Result<Self> {
            let root = std::env::temp_dir().join(format!("base44-appid-{tag}-{}", std::process::id()));
            std::fs::create_dir_all(root.join("base44"))?;
            Ok(TempProject(root))
        }
    }

    impl Drop for TempProject {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn reads_the_id_from_jsonc_with_comments_and_trailing_commas() -> std::io::Result<()> {
        let project = TempProject::new("jsonc")?;
        std::fs::write(project.0.join("base44/.app.jsonc"), "// linked by the CLI\n{ \"id\": \"app_42\", }\n")?;
        assert_eq!(read_app_id(&project.0), Ok(Some("app_42".to_owned())));
        Ok(())
    }

    #[test]
    fn falls_back_to_app_json_and_reports_unlinked_projects() -> std::io::Result<()> {
        let project = TempProject::new("json")?;
        assert_eq!(read_app_id(&project.0), Ok(None));
        std::fs::write(project.0.join("base44/.app.json"), "{\"name\": \"no id\"}")?;
        assert_eq!(read_app_id(&project.0), Ok(None));
        std::fs::write(project.0.join("base44/.app.json"), "{\"id\": \"from-json\"}")?;
        assert_eq!(read_app_id(&project.0), Ok(Some("from-json".to_owned())));
        Ok(())
    }

    #[test]
    fn malformed_file_is_an_error_naming_it() -> std::io::Result<()> {
        let project = TempProject::new("bad")?;
        let path = project.0.join("base44/.app.jsonc");
        std::fs::write(&path, "{ \"id\": ")?;
        match read_app_id(&project.0) {
            Err(InvokeError::InvalidProjectFile { path: reported, .. }) => {
                assert_eq!(reported, path)
            }
            other => panic!("expected InvalidProjectFile, got {other:?}"),
        }
        Ok(())
    }
}
