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
    /// Applies in every context, after the context's own keys.
    Anywhere,
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
            Context::Anywhere => "Anywhere",
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

use Action as A;
use Context::{
    Anywhere, Global, Help, Library, Marks, Prompt, Search, Speakers, Stats, Transcript,
};
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const DOWN: Key = code(KeyCode::Down);
const UP: Key = code(KeyCode::Up);
const HOME: Key = code(KeyCode::Home);
const END: Key = code(KeyCode::End);
const PGDN: Key = code(KeyCode::PageDown);
const PGUP: Key = code(KeyCode::PageUp);
const TAB: Key = code(KeyCode::Tab);
const BACKTAB: Key = code(KeyCode::BackTab);
const BS: Key = code(KeyCode::Backspace);
/// Shown in the footer of its context.
const HINT: bool = true;
const NO: bool = false;

/// Every binding, in the order the help lists them.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Global, &[k('q'), ctrl('c')], A::Quit, "quit", HINT),
    bind(Global, &[k('?')], A::ToggleHelp, "help: every key", HINT),
    bind(Global, &[TAB], A::FocusNext, "focus the next pane", HINT),
    bind(Global, &[BACKTAB], A::FocusPrev, "focus the previous pane", NO),
    bind(Global, &[k('/')], A::OpenSearch, "search quotes", HINT),
    bind(Global, &[k('n')], A::NextHit, "next search hit", NO),
    bind(Global, &[k('N')], A::PrevHit, "previous search hit", NO),
    bind(Global, &[k(']')], A::NextTurnOfSpeaker, "selected speaker's next turn", HINT),
    bind(Global, &[k('[')], A::PrevTurnOfSpeaker, "selected speaker's previous turn", NO),
    bind(Global, &[k('}')], A::NextSpeakerChange, "next change of speaker", NO),
    bind(Global, &[k('{')], A::PrevSpeakerChange, "previous change of speaker", NO),
    bind(Global, &[k('1')], A::SelectSpeaker(0), "select speaker 1 (2–9 likewise)", NO),
    bind(Global, &[k('2')], A::SelectSpeaker(1), "", NO),
    bind(Global, &[k('3')], A::SelectSpeaker(2), "", NO),
    bind(Global, &[k('4')], A::SelectSpeaker(3), "", NO),
    bind(Global, &[k('5')], A::SelectSpeaker(4), "", NO),
    bind(Global, &[k('6')], A::SelectSpeaker(5), "", NO),
    bind(Global, &[k('7')], A::SelectSpeaker(6), "", NO),
    bind(Global, &[k('8')], A::SelectSpeaker(7), "", NO),
    bind(Global, &[k('9')], A::SelectSpeaker(8), "", NO),
    bind(Global, &[k('f')], A::ToggleFilter, "only the selected speaker's turns (toggle)", HINT),
    bind(Global, &[k('s')], A::ToggleStatsScope, "statistics: so far / whole session", NO),
    bind(Transcript, &[k('j'), DOWN], A::Down, "scroll down a line", HINT),
    bind(Transcript, &[k('k'), UP], A::Up, "scroll up a line", NO),
    bind(Transcript, &[k('g'), HOME], A::Top, "top", NO),
    bind(Transcript, &[k('G'), END], A::Bottom, "bottom", NO),
    bind(Transcript, &[PGDN, k(' ')], A::PageDown, "page down", HINT),
    bind(Transcript, &[PGUP, k('b')], A::PageUp, "page up", NO),
    bind(Transcript, &[ctrl('d')], A::HalfPageDown, "half a page down", NO),
    bind(Transcript, &[ctrl('u')], A::HalfPageUp, "half a page up", NO),
    bind(Speakers, &[k('j'), DOWN], A::Down, "next speaker", HINT),
    bind(Speakers, &[k('k'), UP], A::Up, "previous speaker", HINT),
    bind(Speakers, &[k('g'), HOME], A::Top, "first speaker", NO),
    bind(Speakers, &[k('G'), END], A::Bottom, "last speaker", NO),
    bind(Speakers, &[ENTER], A::JumpToSpeaker, "go to their next turn", HINT),
    bind(Speakers, &[PGDN, k(' ')], A::PageDown, "transcript page down", NO),
    bind(Speakers, &[PGUP, k('b')], A::PageUp, "transcript page up", NO),
    bind(Stats, &[k('j'), DOWN], A::Down, "scroll down", HINT),
    bind(Stats, &[k('k'), UP], A::Up, "scroll up", NO),
    bind(Stats, &[k('g'), HOME], A::Top, "top", NO),
    bind(Stats, &[PGDN, k(' ')], A::PageDown, "transcript page down", NO),
    bind(Stats, &[PGUP, k('b')], A::PageUp, "transcript page up", NO),
    bind(Search, &[DOWN, ctrl('n')], A::SearchNext, "next hit", HINT),
    bind(Search, &[UP, ctrl('p')], A::SearchPrev, "previous hit", HINT),
    bind(Search, &[ENTER], A::SearchAccept, "go to the hit", HINT),
    bind(Search, &[ESC], A::SearchCancel, "close, back to where you were", HINT),
    bind(Search, &[BS], A::SearchBackspace, "delete a character", NO),
    bind(Search, &[ctrl('u')], A::SearchClear, "clear the query", NO),
    bind(Search, &[ctrl('c')], A::Quit, "quit", NO),
    bind(Help, &[ESC, k('?'), k('q')], A::ToggleHelp, "close the help", HINT),
    bind(Help, &[k('j'), DOWN], A::Down, "scroll down", NO),
    bind(Help, &[k('k'), UP], A::Up, "scroll up", NO),
    bind(Help, &[ctrl('c')], A::Quit, "quit", NO),
    bind(Global, &[ESC], A::Back, "back to the library (when opened from one)", NO),
    bind(Global, &[k('y')], A::CopyQuote, "copy the quote with its citation", NO),
    bind(Global, &[k('Y')], A::CopyTurn, "copy the turn with its citation", NO),
    bind(Global, &[k('m')], A::ToggleMark, "mark the found quote or the turn", NO),
    bind(Global, &[k('\'')], A::OpenMarks, "list the marks", NO),
    bind(Global, &[k('e')], A::Export, "export what is shown as Markdown", NO),
    bind(Speakers, &[k('r')], A::RenameSpeaker, "rename (or merge) the speaker", HINT),
    bind(Marks, &[k('j'), DOWN], A::Down, "next mark", HINT),
    bind(Marks, &[k('k'), UP], A::Up, "previous mark", NO),
    bind(Marks, &[ENTER], A::Open, "go to the mark", HINT),
    bind(Marks, &[k('d')], A::DeleteMark, "remove the mark", HINT),
    bind(Marks, &[k('e')], A::Export, "export the marks as Markdown", HINT),
    bind(Marks, &[k('y')], A::CopyQuote, "copy the marked quote", NO),
    bind(Marks, &[ESC, k('\'')], A::OpenMarks, "close", HINT),
    bind(Marks, &[ctrl('c'), k('q')], A::Quit, "quit", NO),
    bind(Prompt, &[ENTER], A::PromptAccept, "rename", HINT),
    bind(Prompt, &[ESC], A::PromptCancel, "cancel", HINT),
    bind(Prompt, &[BS], A::PromptBackspace, "delete a character", NO),
    bind(Prompt, &[ctrl('c')], A::Quit, "quit", NO),
    bind(Library, &[k('j'), DOWN], A::Down, "next row", HINT),
    bind(Library, &[k('k'), UP], A::Up, "previous row", NO),
    bind(Library, &[k('g'), HOME], A::Top, "first row", NO),
    bind(Library, &[k('G'), END], A::Bottom, "last row", NO),
    bind(Library, &[PGDN, k(' ')], A::PageDown, "page down", NO),
    bind(Library, &[PGUP, k('b')], A::PageUp, "page up", NO),
    bind(Library, &[ENTER], A::Open, "open the session, person or turn", HINT),
    bind(Library, &[ESC], A::Back, "back to the people list", NO),
    bind(Library, &[k('o')], A::CycleSort, "sort by the next column", HINT),
    bind(Library, &[k('p'), TAB], A::TogglePeople, "sessions / people", HINT),
    bind(Library, &[k('/')], A::OpenSearch, "search every session", HINT),
    bind(Library, &[k('?')], A::ToggleHelp, "help: every key", HINT),
    bind(Library, &[k('q'), ctrl('c')], A::Quit, "quit", HINT),
    bind(Anywhere, &[ctrl('z')], A::Suspend, "suspend to the shell (fg comes back)", NO),
];

/// The action for a key press in the given contexts, tried in order, then in `Anywhere`. In the
/// search panel and the prompt an unbound printable character is typed.
pub fn action_for(event: &KeyEvent, contexts: &[Context]) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    for &context in contexts.iter().chain([&Context::Anywhere]) {
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
    fn ctrl_z_suspends_in_every_context() {
        let z = press(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for context in [
            Global, Transcript, Speakers, Stats, Search, Help, Library, Marks, Prompt,
        ] {
            assert_eq!(
                action_for(&z, &[context]),
                Some(Action::Suspend),
                "{context:?}"
            );
        }
        let plain = press(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&plain, &[Search]),
            Some(Action::SearchInput('z'))
        );
        assert_eq!(action_for(&plain, &[Transcript, Global]), None);
    }

    #[test]
    fn every_binding_has_help_or_is_a_numbered_sibling() {
        for b in BINDINGS {
            assert!(!b.help.is_empty() || matches!(b.action, Action::SelectSpeaker(_)));
        }
    }
}
