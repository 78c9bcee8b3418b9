//! Coding passages: `t` asks for a code for the found quote or the current turn (Tab completes
//! from the codes used so far; a code the passage has is removed), the codes list (`'`, Tab
//! from the marks) counts them, and Enter there shows only the passages with one code (Esc
//! shows everything again). Codes are kept with the marks, through the same effect.

use podium::marks::Code;

use super::action::{Action, Effect};
use super::app::{App, Middle, Overlay};

/// Why the code prompt refused a character.
const NO_CONTROLS: &str = "A code cannot hold control characters or bidi overrides";

/// Whether `text` holds a character the one cleaner would change: a new code gets none.
fn unclean(text: &str) -> bool {
    matches!(
        podium::sanitize::clean(text, podium::sanitize::Keep::Nothing),
        std::borrow::Cow::Owned(_)
    )
}

/// The line that asks for a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePrompt {
    /// The passage: turn index, and 0-based sentence or the whole turn.
    pub turn: usize,
    pub sentence: Option<usize>,
    pub input: String,
    /// The codes the passage has now.
    pub has: Vec<String>,
    /// While Tab cycles through the candidates: what was typed, and which one is shown.
    cycling: Option<(String, usize)>,
}

impl CodePrompt {
    /// `t4.2`, or `t4` for the whole turn.
    pub fn place(&self, app: &App) -> String {
        place(&app.session.turns[self.turn].id, self.sentence)
    }
}

fn place(turn: &str, sentence: Option<usize>) -> String {
    match sentence {
        Some(s) => format!("{turn}.{}", s + 1),
        None => turn.to_string(),
    }
}

/// The longest prefix every one of `words` starts with (whole characters).
fn common_prefix<'a>(words: &[&'a str]) -> &'a str {
    let Some(first) = words.first() else {
        return "";
    };
    let mut end = first.len();
    for w in &words[1..] {
        end = first
            .char_indices()
            .zip(w.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(w.len()), |((i, _), _)| i.min(end));
    }
    &first[..end]
}

impl App {
    /// `t`: asks for a code for the found quote, or the current turn.
    pub(super) fn code_passage(&mut self) {
        if self.middle == Middle::Summaries {
            self.message = Some("t codes passages of the transcript (S shows it)".into());
            return;
        }
        let Some(here) = self.here() else {
            return;
        };
        let id = &self.session.turns[here.turn].id;
        let mut has: Vec<String> = self
            .codes
            .iter()
            .filter(|c| c.is_on(id, here.sentence))
            .map(|c| c.code.clone())
            .collect();
        has.sort();
        self.code_prompt = Some(CodePrompt {
            turn: here.turn,
            sentence: here.sentence,
            input: String::new(),
            has,
            cycling: None,
        });
    }

    /// The codes Tab offers for `typed`: those used so far (in any session of the store, and
    /// in this one) that start with it, ignoring case.
    pub fn code_candidates(&self, typed: &str) -> Vec<&str> {
        let typed = typed.to_lowercase();
        let mut all: Vec<&str> = self
            .codebook
            .iter()
            .map(String::as_str)
            .chain(self.codes.iter().map(|c| c.code.as_str()))
            .filter(|c| c.to_lowercase().starts_with(&typed))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    pub(super) fn update_code_prompt(&mut self, action: Action) -> Option<Effect> {
        let prompt = self.code_prompt.as_mut()?;
        match action {
            Action::PromptInput(c) if unclean(&c.to_string()) => {
                self.message = Some(NO_CONTROLS.into());
            }
            Action::PromptInput(c) => {
                prompt.cycling = None;
                prompt.input.push(c);
            }
            Action::PromptBackspace => {
                prompt.cycling = None;
                prompt.input.pop();
            }
            Action::PromptClear => {
                prompt.cycling = None;
                prompt.input.clear();
            }
            Action::PromptCancel => self.code_prompt = None,
            Action::PromptComplete => self.complete_code(),
            Action::PromptAccept => return self.accept_code(),
            _ => {}
        }
        None
    }

    /// Tab: the one candidate, else the prefix they share, else the next of them in turn.
    fn complete_code(&mut self) {
        let Some(prompt) = &self.code_prompt else {
            return;
        };
        let (typed, next) = match &prompt.cycling {
            Some((typed, i)) => (typed.clone(), Some(i + 1)),
            None => (prompt.input.clone(), None),
        };
        let candidates: Vec<String> = self
            .code_candidates(&typed)
            .into_iter()
            .map(str::to_string)
            .collect();
        let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
        let shared = common_prefix(&refs).to_string();
        let Some(prompt) = self.code_prompt.as_mut() else {
            return;
        };
        match (candidates.len(), next) {
            (0, _) => self.message = Some(format!("No code used so far starts with {typed:?}")),
            (1, _) => prompt.input.clone_from(&candidates[0]),
            (_, None) if shared.chars().count() > typed.chars().count() => prompt.input = shared,
            (n, next) => {
                let i = next.unwrap_or(0) % n;
                prompt.input.clone_from(&candidates[i]);
                prompt.cycling = Some((typed, i));
            }
        }
    }

    /// Enter: adds the code to the passage, or removes it when the passage has it.
    fn accept_code(&mut self) -> Option<Effect> {
        let prompt = self.code_prompt.take()?;
        let code = prompt.input.trim().to_string();
        let place = prompt.place(self);
        if code.is_empty() {
            self.message = Some("Coding cancelled: no code".into());
            return None;
        }
        if unclean(&code)
            && !self.codebook.contains(&code)
            && !self.codes.iter().any(|c| c.code == code)
        {
            self.message = Some(NO_CONTROLS.into());
            return None;
        }
        let turn = self.session.turns[prompt.turn].id.clone();
        let coded = Code::new(turn, prompt.sentence, code.clone());
        if let Some(i) = self.codes.iter().position(|c| *c == coded) {
            self.codes.remove(i);
            self.message = Some(format!("Removed the code {code} from {place}"));
            self.codes_changed();
        } else {
            self.codes.push(coded);
            if !self.codebook.contains(&code) {
                self.codebook.push(code.clone());
            }
            let n = self.codes.iter().filter(|c| c.code == code).count();
            let passages = if n == 1 { "passage" } else { "passages" };
            self.message = Some(format!(
                "Coded {place} {code} ({n} {passages}; ' lists the codes)"
            ));
        }
        self.lists_codes = true;
        Some(Effect::SaveMarks(self.kept()))
    }

    /// The codes of this session with how many passages have each, sorted by code.
    pub fn code_counts(&self) -> Vec<(String, usize)> {
        self.kept().code_counts()
    }

    /// The codes list's own keys.
    pub(super) fn update_codes(&mut self, action: Action) -> Option<Effect> {
        let n = self.code_counts().len();
        match action {
            Action::Down if n > 0 => self.codes_selected = (self.codes_selected + 1).min(n - 1),
            Action::Up => self.codes_selected = self.codes_selected.saturating_sub(1),
            Action::Open => {
                if let Some((code, count)) = self.code_counts().get(self.codes_selected).cloned() {
                    self.overlay = Overlay::None;
                    self.code_filter = Some(code.clone());
                    self.relayout(None);
                    if let Some(&first) = self.layout.turns.first() {
                        self.jump_to_turn(first);
                    }
                    let passages = if count == 1 {
                        "the passage".to_string()
                    } else {
                        format!("the {count} passages")
                    };
                    self.message = Some(format!("Showing {passages} coded {code} (Esc shows all)"));
                }
            }
            Action::SwitchList => self.overlay = Overlay::Marks,
            Action::OpenMarks => self.overlay = Overlay::None,
            Action::Export => return self.export(),
            _ => {}
        }
        None
    }

    /// After codes went (removed here, or by another browser): the code filter shows what is
    /// left, and goes when nothing is.
    pub(super) fn codes_changed(&mut self) {
        let Some(code) = self.code_filter.clone() else {
            return;
        };
        if !self.codes.iter().any(|c| c.code == code) {
            self.code_filter = None;
            self.message = Some(format!(
                "No passage is coded {code} any more: showing every passage"
            ));
        }
        self.relayout(None);
    }

    /// The turns the code filter keeps, if one is on: those with a passage so coded.
    pub(super) fn coded_turns(&self) -> Option<Vec<usize>> {
        let code = self.code_filter.as_ref()?;
        let mut turns: Vec<usize> = self
            .codes
            .iter()
            .filter(|c| c.code == *code)
            .filter_map(|c| podium::marks::resolve_code(&self.session, c))
            .map(|(turn, _)| turn)
            .collect();
        turns.sort_unstable();
        turns.dedup();
        Some(turns)
    }

    /// Esc with the code filter on: every turn again.
    pub(super) fn clear_code_filter(&mut self) {
        if let Some(code) = self.code_filter.take() {
            self.relayout(None);
            self.message = Some(format!("Showing every passage again (was {code} only)"));
        }
    }

    /// The codes on `turn`: (sentence, or `None` for the whole turn; code), in the order given.
    pub fn codes_on(&self, turn: usize) -> Vec<(Option<usize>, &str)> {
        let id = &self.session.turns[turn].id;
        self.codes
            .iter()
            .filter(|c| c.turn == *id)
            .map(|c| (c.sentence, c.code.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::common_prefix;

    #[test]
    fn common_prefixes_keep_whole_characters() {
        assert_eq!(common_prefix(&["trust", "trauma"]), "tr");
        assert_eq!(common_prefix(&["trust"]), "trust");
        assert_eq!(common_prefix(&["über", "übel"]), "übe");
        assert_eq!(common_prefix(&["a", "ab"]), "a");
        assert_eq!(common_prefix(&[]), "");
    }
}
