//! What an unchanged part gave, moved to where edits elsewhere put it: every byte offset of
//! this file in it (sites, exported helpers' returns, diagnostics, their fixes and related
//! places) moved with the statement that holds it. `None` when an offset lies in none of
//! the part's statements, which a run over the part cannot give: the part is then run again
//! (and a run that gives one was not over a part: the file is checked whole).

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::PartResult;
use crate::modules::calls::CallSite;
use crate::modules::flow::shape::{FnSummary, Origin, Shape, Via};
use crate::syntax::diagnostics::Diagnostic;

/// `moves`: each statement of the part, where it was and where it starts now.
pub(super) fn part_result(old: &PartResult, moves: &[(Range<usize>, usize)], path: &Path) -> Option<PartResult> {
    let moved = Mover { moves, path };
    Some(PartResult {
        sites: old.sites.iter().map(|site| moved.site(site)).collect::<Option<_>>()?,
        data: old.data.iter().map(|data| data.iter().map(|d| moved.diagnostic(d)).collect()).collect::<Option<_>>()?,
        exports: old
            .exports
            .iter()
            .map(|(at, name, shape)| Some((moved.offset(*at)?, name.clone(), moved.shape(shape)?)))
            .collect::<Option<_>>()?,
        namers: old.namers.clone(),
        raw_uses: old.raw_uses.clone(),
        json_spots: old
            .json_spots
            .iter()
            .map(|(range, name)| Some((moved.range(range)?, name.clone())))
            .collect::<Option<_>>()?,
        read: old.read.iter().map(|d| moved.diagnostic(d)).collect::<Option<_>>()?,
        diagnostics: old.diagnostics.iter().map(|d| moved.diagnostic(d)).collect::<Option<_>>()?,
        stats: old.stats.clone(),
    })
}

struct Mover<'a> {
    moves: &'a [(Range<usize>, usize)],
    path: &'a Path,
}

impl Mover<'_> {
    fn offset(&self, at: usize) -> Option<usize> {
        let (was, now) = self.moves.iter().find(|(was, _)| was.start <= at && at <= was.end)?;
        Some(at - was.start + now)
    }

    /// A range, moved with the statement that holds all of it.
    fn range(&self, range: &Range<usize>) -> Option<Range<usize>> {
        let (was, now) = self
            .moves
            .iter()
            .find(|(was, _)| was.start <= range.start && range.end <= was.end && range.start <= range.end)?;
        Some(range.start - was.start + now..range.end - was.start + now)
    }

    /// A range of `file`: moved when it is this file's.
    fn range_in(&self, file: &Path, range: &Range<usize>) -> Option<Range<usize>> {
        if file == self.path { self.range(range) } else { Some(range.clone()) }
    }

    fn site(&self, site: &CallSite) -> Option<CallSite> {
        Some(CallSite {
            content: self.range(&site.content)?,
            call: self.range(&site.call)?,
            data: match &site.data {
                Some(data) => Some(self.range(data)?),
                None => None,
            },
            ..site.clone()
        })
    }

    fn diagnostic(&self, diagnostic: &Diagnostic) -> Option<Diagnostic> {
        let mut moved = diagnostic.clone();
        moved.range = self.range_in(&diagnostic.path, &diagnostic.range)?;
        for fix in &mut moved.fixes {
            for edit in &mut fix.edits {
                edit.range = self.range_in(&edit.path, &edit.range)?;
            }
        }
        for related in &mut moved.related {
            related.range = self.range_in(&related.path, &related.range)?;
        }
        Some(moved)
    }

    fn origin(&self, origin: &Origin) -> Option<Origin> {
        let via = match &origin.via {
            Some(via) => Some(Arc::new(Via { returned: self.range_in(&via.path, &via.returned)?, ..(**via).clone() })),
            None => None,
        };
        Some(Origin { via, ..origin.clone() })
    }

    fn shape(&self, shape: &Shape) -> Option<Shape> {
        let boxed = |inner: &Shape| self.shape(inner).map(Box::new);
        Some(match shape {
            Shape::Promise(inner) => Shape::Promise(boxed(inner)?),
            Shape::AxiosResponse(origin) => Shape::AxiosResponse(self.origin(origin)?),
            Shape::FetchResponse(origin) => Shape::FetchResponse(self.origin(origin)?),
            Shape::Json(origin) => Shape::Json(self.origin(origin)?),
            Shape::Tuple(items) => Shape::Tuple(
                items
                    .iter()
                    .map(|item| match item {
                        Some(item) => self.shape(item).map(Some),
                        None => Some(None),
                    })
                    .collect::<Option<_>>()?,
            ),
            Shape::Settled(inner) => Shape::Settled(boxed(inner)?),
            Shape::Query(inner) => Shape::Query(boxed(inner)?),
            Shape::Mutation(inner) => Shape::Mutation(boxed(inner)?),
            Shape::MutateFn { resolved, resolves } => {
                Shape::MutateFn { resolved: boxed(resolved)?, resolves: *resolves }
            }
            Shape::Function(summary) => {
                let returns = match &summary.returns {
                    Some(returns) => Some(self.shape(returns)?),
                    None => None,
                };
                Shape::Function(Arc::new(FnSummary { returns, ..(**summary).clone() }))
            }
            Shape::Object(members) => Shape::Object(Arc::new(
                members.iter().map(|(key, shape)| Some((key.clone(), self.shape(shape)?))).collect::<Option<_>>()?,
            )),
            // No offsets in these: listed, not matched with `_`, so that a new shape that
            // holds some is not moved by mistake.
            Shape::Client
            | Shape::OtherClient
            | Shape::FunctionsModule { .. }
            | Shape::Method(_)
            | Shape::FunctionObject(_) => shape.clone(),
        })
    }
}
