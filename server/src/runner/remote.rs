//! A remote run: `POST ${serverUrl}/api/apps/${appId}/functions/${name}`, as the SDK's
//! `functions.invoke` does, against `base44 dev` or the deployed app.

use tokio::time::{Instant, sleep_until};
use tokio_util::sync::CancellationToken;

use super::app_id::read_app_id;
use super::error::{InvokeError, redact};
use super::http::{build_client, decode_body, describe_error, post_json};
use super::{InvokeRequest, InvokeResponse, function_headers};

pub(super) async fn invoke_remote(
    request: &InvokeRequest,
    server_url: &str,
    cancel: &CancellationToken,
    mut on_chunk: impl FnMut(&[u8]),
) -> Result<InvokeResponse, InvokeError> {
    let deadline = Instant::now() + request.timeout;
    let token = request.token.as_deref();
    let app_id = match &request.app_id {
        Some(app_id) => app_id.clone(),
        None => read_app_id(&request.project_root)?
            .ok_or_else(|| InvokeError::MissingAppId { project_root: request.project_root.clone() })?,
    };
    let url = function_url(server_url, &app_id, &request.function)?;
    let client = build_client().map_err(|message| InvokeError::Setup { message })?;
    let mut headers = function_headers(None, token);
    // The SDK names the app in this header; `base44 dev` forwards it to the function.
    headers.push(("X-App-Id", app_id));

    let answered = tokio::select! {
        _ = cancel.cancelled() => return Err(InvokeError::Cancelled),
        _ = sleep_until(deadline) => {
            return Err(InvokeError::NoAnswer {
                function: request.function.clone(),
                timeout: request.timeout,
                logs: String::new(),
            });
        }
        result = post_json(&client, url.as_str(), &headers, &request.data, &mut on_chunk) => result,
    };
    match answered {
        Ok(raw) => Ok(InvokeResponse {
            body: decode_body(&raw.headers, &raw.body, raw.body_truncated),
            status: raw.status,
            headers: raw.headers,
            duration_ms: raw.duration_ms,
            logs: String::new(),
        }),
        Err(error) => Err(InvokeError::Network {
            url: redact(url.as_str(), token),
            message: redact(&describe_error(&error), token),
        }),
    }
}

fn function_url(server_url: &str, app_id: &str, function: &str) -> Result<reqwest::Url, InvokeError> {
    let invalid = |message: String| InvokeError::InvalidServerUrl { server_url: server_url.to_owned(), message };
    let base = reqwest::Url::parse(server_url.trim()).map_err(|error| invalid(error.to_string()))?;
    if !matches!(base.scheme(), "http" | "https") {
        return Err(invalid("it must start with http:// or https://".to_owned()));
    }
    if !base.username().is_empty() || base.password().is_some() {
        // Not echoed back: the URL carries a password.
        return Err(InvokeError::InvalidServerUrl {
            server_url: format!("{}://{}", base.scheme(), base.host_str().unwrap_or_default()),
            message: "credentials belong in the token, not in the URL".to_owned(),
        });
    }
    let mut url = base;
    url.path_segments_mut()
        .map_err(|()| invalid("it cannot be a base for other paths".to_owned()))?
        .pop_if_empty()
        .extend(["api", "apps", app_id, "functions"])
        // A nested function's name (`orders/process`) is a path, as the SDK sends it.
        .extend(function.split('/'));
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_sdk_route() -> Result<(), InvokeError> {
        assert_eq!(
            function_url("http://localhost:4400", "app1", "orders/process")?.as_str(),
            "http://localhost:4400/api/apps/app1/functions/orders/process"
        );
        assert_eq!(
            function_url("https://base44.app/", "a", "f")?.as_str(),
            "https://base44.app/api/apps/a/functions/f"
        );
        assert_eq!(
            function_url("https://proxy.example/base44/", "a b", "odd#name?")?.as_str(),
            "https://proxy.example/base44/api/apps/a%20b/functions/odd%23name%3F"
        );
        Ok(())
    }

    #[test]
    fn rejects_urls_that_are_not_http() {
        assert!(matches!(function_url("ftp://x", "a", "f"), Err(InvokeError::InvalidServerUrl { .. })));
        assert!(matches!(function_url("not a url", "a", "f"), Err(InvokeError::InvalidServerUrl { .. })));
        assert!(matches!(function_url("http://user:pw@host", "a", "f"), Err(InvokeError::InvalidServerUrl { .. })));
    }
}
