//! The report, as text for people or JSON for tools.

use serde_json::{json, Value};

use crate::compare::Change;
use crate::env::EnvFile;

/// The changes, with each breaking change's verdict for a deployment.
pub(crate) struct Report<'a> {
    pub(crate) old_version: u64,
    pub(crate) new_version: u64,
    pub(crate) changes: &'a [Change],
    /// The env file's name and its contents.
    pub(crate) env: Option<(&'a str, &'a EnvFile)>,
}

impl Report<'_> {
    fn hit(&self, change: &Change) -> Option<Option<bool>> {
        let (_, env) = self.env?;
        Some(if change.breaking {
            change.effect.hits(env)
        } else {
            Some(false)
        })
    }

    fn breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }

    /// Breaking changes that hit the deployment, and those that may.
    fn hits(&self) -> (usize, usize) {
        let verdicts: Vec<Option<bool>> = self
            .changes
            .iter()
            .filter(|c| c.breaking)
            .filter_map(|c| self.hit(c))
            .collect();
        let hit = verdicts.iter().filter(|v| **v == Some(true)).count();
        let unknown = verdicts.iter().filter(|v| v.is_none()).count();
        (hit, unknown)
    }

    /// Whether the check fails: a breaking change, or with an env file a
    /// breaking change that hits it or may.
    pub(crate) fn fails(&self) -> bool {
        match self.env {
            None => self.breaking() > 0,
            Some(_) => {
                let (hit, unknown) = self.hits();
                hit + unknown > 0
            }
        }
    }

    /// The JSON report.
    pub(crate) fn json(&self) -> String {
        let changes: Vec<Value> = self
            .changes
            .iter()
            .map(|change| {
                let mut item = json!({
                    "kind": change.kind,
                    "variable": change.var,
                    "breaking": change.breaking,
                    "text": change.text,
                });
                if let Some(hit) = self.hit(change) {
                    item["hits_env"] = json!(hit);
                }
                item
            })
            .collect();
        let env = self.env.map(|(file, _)| {
            let (hit, unknown) = self.hits();
            json!({"file": file, "hit": hit, "unknown": unknown})
        });
        let report = json!({
            "old_format_version": self.old_version,
            "new_format_version": self.new_version,
            "breaking": self.breaking(),
            "compatible": self.changes.len() - self.breaking(),
            "changes": changes,
            "env": env,
        });
        let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
        out.push('\n');
        out
    }

    /// The text report.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        let breaking = self.breaking();
        let compatible = self.changes.len() - breaking;
        if self.changes.is_empty() {
            out.push_str("no changes\n");
        }
        for (title, is_breaking, count) in [
            ("breaking changes", true, breaking),
            ("compatible changes", false, compatible),
        ] {
            if count == 0 {
                continue;
            }
            out.push_str(&format!("{title} ({count}):\n"));
            for change in self.changes.iter().filter(|c| c.breaking == is_breaking) {
                let mark = match self.hit(change) {
                    Some(_) if !is_breaking => "",
                    Some(Some(true)) => "[hits] ",
                    Some(Some(false)) => "[not hit] ",
                    Some(None) => "[may hit] ",
                    None => "",
                };
                let subject = change.var.as_deref().unwrap_or("rule");
                out.push_str(&format!("  {mark}{subject}: {}\n", change.text));
            }
        }
        if let Some((file, _)) = self.env {
            let (hit, unknown) = self.hits();
            let line = match (hit, unknown) {
                (0, 0) => format!("{file}: no breaking change hits this deployment\n"),
                (hit, 0) => format!(
                    "{file}: {hit} of {breaking} breaking {} {} this deployment\n",
                    if breaking == 1 { "change" } else { "changes" },
                    if hit == 1 { "hits" } else { "hit" }
                ),
                (hit, unknown) => format!(
                    "{file}: {hit} of {breaking} breaking changes hit this deployment, {unknown} may (they depend on values the file does not show)\n"
                ),
            };
            out.push_str(&line);
        }
        out
    }
}
