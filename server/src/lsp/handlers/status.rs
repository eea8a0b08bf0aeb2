//! The `base44/status` notification: indexing or ready, and how many functions.

use serde::Serialize;
use tower_lsp_server::ls_types::notification::Notification;

use crate::lsp::session::Session;

pub enum StatusNotification {}

#[derive(Debug, Serialize, serde::Deserialize)]
pub struct StatusParams {
    pub state: String,
    pub projects: usize,
    pub functions: usize,
}

impl Notification for StatusNotification {
    type Params = StatusParams;
    const METHOD: &'static str = "base44/status";
}

pub async fn send(session: &Session, state: &'static str) {
    let index = session.index();
    let params =
        StatusParams { state: state.to_string(), projects: index.projects.len(), functions: index.function_count() };
    session.client.send_notification::<StatusNotification>(params).await;
}
