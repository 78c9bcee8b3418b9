//! `--redact NAMES|FILE`: the names an export must not carry, read from the argument (commas
//! between names) or from a file (a name a line), applied to every session of the command.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use podium::redact::{self, Name, Redactor};
use podium::session::Session;

use super::out;

/// The names to redact: the file the argument names, when there is one, else the argument.
pub fn names(arg: &str) -> anyhow::Result<Vec<Name>> {
    let path = Path::new(arg);
    let looks_like_a_path = !arg.contains(',')
        && !arg.contains(char::is_whitespace)
        && (arg.contains('/') || path.extension().is_some());
    if looks_like_a_path && !path.exists() {
        // A mistyped file must not become one name that matches nothing: the export would go
        // out with every real name in it.
        bail!("--redact: {arg}: no such file (names are given separated by commas, or in a file)");
    }
    let (text, from) = if path.is_file() {
        let bytes = podium::files::read_state(path)?.unwrap_or_default();
        let text = String::from_utf8(bytes)
            .with_context(|| format!("{}: --redact: not UTF-8 text", path.display()))?;
        (text, Some(path))
    } else {
        (arg.to_string(), None)
    };
    let names = redact::parse_names(&text);
    if names.is_empty() {
        match from {
            Some(p) => bail!("{}:1: --redact: no names in the file", p.display()),
            None => bail!("--redact: expected names separated by commas, or a file of names"),
        }
    }
    Ok(names)
}

/// Redacts `sessions` in place with one set of pseudonyms; file paths too. Returns the
/// redactor, to redact what else is printed (code names) and check the output. A listed name
/// found nowhere is warned about; when none is found, nothing would be redacted, and that is
/// refused rather than exported as it is.
pub fn apply(names: &[Name], sessions: &mut [(PathBuf, Session)]) -> anyhow::Result<Redactor> {
    let all: Vec<&Session> = sessions.iter().map(|(_, s)| s).collect();
    let redactor = Redactor::new(names, &all);
    let unmatched = redactor.unmatched(names);
    if unmatched.len() == names.len() {
        bail!(
            "--redact: none of the names appears in what is exported ({}): check their spelling",
            unmatched.join(", ")
        );
    }
    if !unmatched.is_empty() {
        out::warn(format!(
            "--redact: not found, so not redacted: {} (another spelling? add it as Name | Other)",
            unmatched.join(", ")
        ));
    }
    for (path, session) in sessions.iter_mut() {
        redactor.session(session);
        let shown = path.display().to_string();
        if let std::borrow::Cow::Owned(p) = redactor.text(&shown) {
            *path = PathBuf::from(p);
        }
    }
    Ok(redactor)
}

/// Warns about capitalised words left right before a pseudonym (`Adly Person A`): a first
/// name or a spelling that was not listed.
pub fn check(output: &str, redactor: &Redactor) {
    let left = redact::suspects(output, redactor);
    if !left.is_empty() {
        out::warn(format!(
            "--redact: a capitalised word stands right before a pseudonym: {}; if it is a name, add it to the list (Full Name | Other Spelling)",
            left.join(", ")
        ));
    }
}
