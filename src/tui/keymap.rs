//! The one keymap: a table of bindings that drives both key handling and the `?` help overlay
//! and footer hints, so the two cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where a binding applies. Pane contexts apply when that pane has focus; `Global` applies
/// whenever no overlay is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Transcript,
    Speakers,
    Stats,
    Search,
    Help,
    Library,
    Marks,
    Prompt,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Transcript => "Transcript",
            Context::Speakers => "Speaker list",
            Context::Stats => "Statistics",
            Context::Search => "Search panel",
            Context::Help => "This help",
            Context::Library => "Library",
            Context::Marks => "Marks list",
            Context::Prompt => "Rename prompt",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

impl Key {
    /// How the help and the footer write the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    fn matches(self, event: &KeyEvent) -> bool {
        if self.code != event.code {
            return false;
        }
        // Shift is part of the character itself ('G', '?', '}'), so only Ctrl and Alt count.
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        event.modifiers & relevant == self.mods & relevant
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// Shown in the footer of its context.
    pub hint: bool,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

use Context::{Global, Help, Library, Marks, Prompt, Search, Speakers, Stats, Transcript};

/// Every binding, in the order the help lists them.
pub static BINDINGS: &[Binding] = &[
    bind(Global, &[k('q'), ctrl('c')], Action::Quit, "quit", true),
    bind(
        Global,
        &[k('?')],
        Action::ToggleHelp,
        "help: every key",
        true,
    ),
    bind(
        Global,
        &[code(KeyCode::Tab)],
        Action::FocusNext,
        "focus the next pane",
        true,
    ),
    bind(
        Global,
        &[code(KeyCode::BackTab)],
        Action::FocusPrev,
        "focus the previous pane",
        false,
    ),
    bind(Global, &[k('/')], Action::OpenSearch, "search quotes", true),
    bind(Global, &[k('n')], Action::NextHit, "next search hit", false),
    bind(
        Global,
        &[k('N')],
        Action::PrevHit,
        "previous search hit",
        false,
    ),
    bind(
        Global,
        &[k(']')],
        Action::NextTurnOfSpeaker,
        "selected speaker's next turn",
        true,
    ),
    bind(
        Global,
        &[k('[')],
        Action::PrevTurnOfSpeaker,
        "selected speaker's previous turn",
        false,
    ),
    bind(
        Global,
        &[k('}')],
        Action::NextSpeakerChange,
        "next change of speaker",
        false,
    ),
    bind(
        Global,
        &[k('{')],
        Action::PrevSpeakerChange,
        "previous change of speaker",
        false,
    ),
    bind(
        Global,
        &[k('1')],
        Action::SelectSpeaker(0),
        "select speaker 1 (2–9 likewise)",
        false,
    ),
    bind(Global, &[k('2')], Action::SelectSpeaker(1), "", false),
    bind(Global, &[k('3')], Action::SelectSpeaker(2), "", false),
    bind(Global, &[k('4')], Action::SelectSpeaker(3), "", false),
    bind(Global, &[k('5')], Action::SelectSpeaker(4), "", false),
    bind(Global, &[k('6')], Action::SelectSpeaker(5), "", false),
    bind(Global, &[k('7')], Action::SelectSpeaker(6), "", false),
    bind(Global, &[k('8')], Action::SelectSpeaker(7), "", false),
    bind(Global, &[k('9')], Action::SelectSpeaker(8), "", false),
    bind(
        Global,
        &[k('f')],
        Action::ToggleFilter,
        "only the selected speaker's turns (toggle)",
        true,
    ),
    bind(
        Global,
        &[k('s')],
        Action::ToggleStatsScope,
        "statistics: so far / whole session",
        false,
    ),
    bind(
        Transcript,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "scroll down a line",
        true,
    ),
    bind(
        Transcript,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "scroll up a line",
        false,
    ),
    bind(
        Transcript,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "top",
        false,
    ),
    bind(
        Transcript,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "bottom",
        false,
    ),
    bind(
        Transcript,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "page down",
        true,
    ),
    bind(
        Transcript,
        &[code(KeyCode::PageUp), k('b')],
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Transcript,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
        false,
    ),
    bind(
        Transcript,
        &[ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
        false,
    ),
    bind(
        Speakers,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "next speaker",
        true,
    ),
    bind(
        Speakers,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "previous speaker",
        true,
    ),
    bind(
        Speakers,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "first speaker",
        false,
    ),
    bind(
        Speakers,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "last speaker",
        false,
    ),
    bind(
        Speakers,
        &[code(KeyCode::Enter)],
        Action::JumpToSpeaker,
        "go to their next turn",
        true,
    ),
    bind(
        Speakers,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "transcript page down",
        false,
    ),
    bind(
        Speakers,
        &[code(KeyCode::PageUp), k('b')],
        Action::PageUp,
        "transcript page up",
        false,
    ),
    bind(
        Stats,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "scroll down",
        true,
    ),
    bind(
        Stats,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "scroll up",
        false,
    ),
    bind(
        Stats,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "top",
        false,
    ),
    bind(
        Stats,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "transcript page down",
        false,
    ),
    bind(
        Stats,
        &[code(KeyCode::PageUp), k('b')],
        Action::PageUp,
        "transcript page up",
        false,
    ),
    bind(
        Search,
        &[code(KeyCode::Down), ctrl('n')],
        Action::SearchNext,
        "next hit",
        true,
    ),
    bind(
        Search,
        &[code(KeyCode::Up), ctrl('p')],
        Action::SearchPrev,
        "previous hit",
        true,
    ),
    bind(
        Search,
        &[code(KeyCode::Enter)],
        Action::SearchAccept,
        "go to the hit",
        true,
    ),
    bind(
        Search,
        &[code(KeyCode::Esc)],
        Action::SearchCancel,
        "close, back to where you were",
        true,
    ),
    bind(
        Search,
        &[code(KeyCode::Backspace)],
        Action::SearchBackspace,
        "delete a character",
        false,
    ),
    bind(
        Search,
        &[ctrl('u')],
        Action::SearchClear,
        "clear the query",
        false,
    ),
    bind(Search, &[ctrl('c')], Action::Quit, "quit", false),
    bind(
        Help,
        &[code(KeyCode::Esc), k('?'), k('q')],
        Action::ToggleHelp,
        "close the help",
        true,
    ),
    bind(
        Help,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "scroll down",
        false,
    ),
    bind(
        Help,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "scroll up",
        false,
    ),
    bind(Help, &[ctrl('c')], Action::Quit, "quit", false),
    bind(
        Global,
        &[code(KeyCode::Esc)],
        Action::Back,
        "back to the library (when opened from one)",
        false,
    ),
    bind(
        Global,
        &[k('y')],
        Action::CopyQuote,
        "copy the quote with its citation",
        false,
    ),
    bind(
        Global,
        &[k('Y')],
        Action::CopyTurn,
        "copy the turn with its citation",
        false,
    ),
    bind(
        Global,
        &[k('m')],
        Action::ToggleMark,
        "mark the found quote or the turn",
        false,
    ),
    bind(
        Global,
        &[k('\'')],
        Action::OpenMarks,
        "list the marks",
        false,
    ),
    bind(
        Global,
        &[k('e')],
        Action::Export,
        "export what is shown as Markdown",
        false,
    ),
    bind(
        Speakers,
        &[k('r')],
        Action::RenameSpeaker,
        "rename (or merge) the speaker",
        true,
    ),
    bind(
        Marks,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "next mark",
        true,
    ),
    bind(
        Marks,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "previous mark",
        false,
    ),
    bind(
        Marks,
        &[code(KeyCode::Enter)],
        Action::Open,
        "go to the mark",
        true,
    ),
    bind(
        Marks,
        &[k('d')],
        Action::DeleteMark,
        "remove the mark",
        true,
    ),
    bind(
        Marks,
        &[k('e')],
        Action::Export,
        "export the marks as Markdown",
        true,
    ),
    bind(
        Marks,
        &[k('y')],
        Action::CopyQuote,
        "copy the marked quote",
        false,
    ),
    bind(
        Marks,
        &[code(KeyCode::Esc), k('\'')],
        Action::OpenMarks,
        "close",
        true,
    ),
    bind(Marks, &[ctrl('c'), k('q')], Action::Quit, "quit", false),
    bind(
        Prompt,
        &[code(KeyCode::Enter)],
        Action::PromptAccept,
        "rename",
        true,
    ),
    bind(
        Prompt,
        &[code(KeyCode::Esc)],
        Action::PromptCancel,
        "cancel",
        true,
    ),
    bind(
        Prompt,
        &[code(KeyCode::Backspace)],
        Action::PromptBackspace,
        "delete a character",
        false,
    ),
    bind(Prompt, &[ctrl('c')], Action::Quit, "quit", false),
    bind(
        Library,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "next row",
        true,
    ),
    bind(
        Library,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "previous row",
        false,
    ),
    bind(
        Library,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "first row",
        false,
    ),
    bind(
        Library,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "last row",
        false,
    ),
    bind(
        Library,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        Library,
        &[code(KeyCode::PageUp), k('b')],
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Library,
        &[code(KeyCode::Enter)],
        Action::Open,
        "open the session, person or turn",
        true,
    ),
    bind(
        Library,
        &[code(KeyCode::Esc)],
        Action::Back,
        "back to the people list",
        false,
    ),
    bind(
        Library,
        &[k('o')],
        Action::CycleSort,
        "sort by the next column",
        true,
    ),
    bind(
        Library,
        &[k('p'), code(KeyCode::Tab)],
        Action::TogglePeople,
        "sessions / people",
        true,
    ),
    bind(
        Library,
        &[k('/')],
        Action::OpenSearch,
        "search every session",
        true,
    ),
    bind(
        Library,
        &[k('?')],
        Action::ToggleHelp,
        "help: every key",
        true,
    ),
    bind(Library, &[k('q'), ctrl('c')], Action::Quit, "quit", true),
];

/// The action for a key press in the given contexts, tried in order. In the search panel an
/// unbound printable character is typed into the query.
pub fn action_for(event: &KeyEvent, contexts: &[Context]) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    for &context in contexts {
        let found = BINDINGS
            .iter()
            .filter(|b| b.context == context)
            .find(|b| b.keys.iter().any(|key| key.matches(event)));
        if let Some(b) = found {
            return Some(b.action.clone());
        }
    }
    if let Some(&first @ (Context::Search | Context::Prompt)) = contexts.first()
        && let KeyCode::Char(c) = event.code
        && !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(if first == Context::Search {
            Action::SearchInput(c)
        } else {
            Action::PromptInput(c)
        });
    }
    None
}

/// `"j ↓"`: a binding's keys as the help writes them.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Footer hints for a context: `(keys, help)` of its hinted bindings.
pub fn hints(context: Context) -> impl Iterator<Item = (String, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.context == context && b.hint)
        .map(|b| (b.keys[0].label(), b.help))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn pane_bindings_win_over_global_ones() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(&j, &[Transcript, Global]), Some(Action::Down));
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&q, &[Speakers, Global]), Some(Action::Quit));
    }

    #[test]
    fn shifted_characters_match_and_ctrl_is_distinct() {
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&g, &[Transcript]), Some(Action::Bottom));
        let cd = press(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&cd, &[Transcript]), Some(Action::HalfPageDown));
        let d = press(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(action_for(&d, &[Transcript, Global]), None);
    }

    #[test]
    fn search_types_unbound_characters_and_ignores_releases() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&q, &[Search]), Some(Action::SearchInput('q')));
        let mut release = q;
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(&release, &[Search]), None);
    }

    #[test]
    fn every_binding_has_help_or_is_a_numbered_sibling() {
        for b in BINDINGS {
            assert!(!b.help.is_empty() || matches!(b.action, Action::SelectSpeaker(_)));
        }
    }
}
