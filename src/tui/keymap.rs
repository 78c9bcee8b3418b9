//! The one keymap: a table of bindings that drives key handling, the `?` help overlay and the
//! footer hints, so they cannot disagree. Each binding has a name (`quit`, `page-down`); a
//! user's config.toml gives a name other keys ([`Keymap::with_keys`]) and changes only what it
//! names, as gitui's key list does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::action::Action;
pub use super::key::Key;
use super::key::{code, ctrl, k};

/// Where a binding applies. Pane contexts apply when that pane has focus; `Global` applies
/// whenever no overlay is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Transcript,
    Summaries,
    Words,
    Timeline,
    Speakers,
    Stats,
    Search,
    Help,
    Library,
    Marks,
    Warnings,
    Prompt,
    /// The list of codes (`'`, then Tab from the marks).
    Codes,
    /// The line that asks for a code (`t`).
    CodePrompt,
    /// Applies in every context, after the context's own keys.
    Anywhere,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Transcript => "Transcript",
            Context::Summaries => "Summaries (S)",
            Context::Words => "Words (W)",
            Context::Timeline => "Timeline (T)",
            Context::Speakers => "Speaker list",
            Context::Stats => "Statistics",
            Context::Search => "Search panel",
            Context::Help => "This help",
            Context::Library => "Library",
            Context::Marks => "Marks list",
            Context::Warnings => "Warnings list (!)",
            Context::Prompt => "Rename prompt",
            Context::Codes => "Codes list",
            Context::CodePrompt => "Code prompt",
            Context::Anywhere => "Anywhere",
        }
    }

    /// Contexts whose keys are tried together with this one's, so a key given to a binding
    /// here must leave them.
    fn shares_keys_with(self, other: Context) -> bool {
        use Context::{Anywhere, Global, Speakers, Stats, Summaries, Timeline, Transcript, Words};
        let pane = |c: Context| {
            matches!(
                c,
                Transcript | Summaries | Words | Timeline | Speakers | Stats
            )
        };
        self == other
            || self == Anywhere
            || other == Anywhere
            || (self == Global && pane(other))
            || (pane(self) && other == Global)
    }

    /// Contexts where an unbound character is typed.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search | Context::Prompt | Context::CodePrompt
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    /// The name config.toml uses; bindings of one action in several contexts share it.
    pub name: &'static str,
    pub help: &'static str,
    /// Shown in the footer of its context.
    pub hint: bool,
}

/// A default binding, as the table writes it.
struct Default {
    context: Context,
    keys: &'static [Key],
    action: Action,
    name: &'static str,
    help: &'static str,
    hint: bool,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    name: &'static str,
    help: &'static str,
    hint: bool,
) -> Default {
    Default {
        context,
        keys,
        action,
        name,
        help,
        hint,
    }
}

use Action as A;
use Context::{
    Anywhere, CodePrompt, Codes, Global, Help, Library, Marks, Prompt, Search, Speakers, Stats,
    Summaries, Timeline, Transcript, Warnings, Words,
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
const LEFT: Key = code(KeyCode::Left);
const RIGHT: Key = code(KeyCode::Right);
/// Shown in the footer of its context.
const HINT: bool = true;
const NO: bool = false;

/// Every binding, in the order the help lists them.
#[rustfmt::skip]
static DEFAULTS: &[Default] = &[
    bind(Global, &[k('q'), ctrl('c')], A::Quit, "quit", "quit", HINT),
    bind(Global, &[k('?')], A::ToggleHelp, "help", "help: every key", HINT),
    bind(Global, &[TAB], A::FocusNext, "focus-next", "focus the next pane", HINT),
    bind(Global, &[BACKTAB], A::FocusPrev, "focus-previous", "focus the previous pane", NO),
    bind(Global, &[k('S')], A::ToggleSummaries, "summaries", "transcript / summaries", HINT),
    bind(Global, &[k('/')], A::OpenSearch, "search", "search quotes and summaries", HINT),
    bind(Global, &[k('n')], A::NextHit, "next-hit", "next search hit (or summary source)", NO),
    bind(Global, &[k('N')], A::PrevHit, "previous-hit", "previous search hit (or summary source)", NO),
    bind(Global, &[k(']')], A::NextTurnOfSpeaker, "next-turn-of-speaker", "selected speaker's next turn", HINT),
    bind(Global, &[k('[')], A::PrevTurnOfSpeaker, "previous-turn-of-speaker", "selected speaker's previous turn", NO),
    bind(Global, &[k('}')], A::NextSpeakerChange, "next-speaker-change", "next change of speaker", NO),
    bind(Global, &[k('{')], A::PrevSpeakerChange, "previous-speaker-change", "previous change of speaker", NO),
    bind(Global, &[k('1')], A::SelectSpeaker(0), "speaker-1", "select speaker 1", NO),
    bind(Global, &[k('2')], A::SelectSpeaker(1), "speaker-2", "select speaker 2", NO),
    bind(Global, &[k('3')], A::SelectSpeaker(2), "speaker-3", "select speaker 3", NO),
    bind(Global, &[k('4')], A::SelectSpeaker(3), "speaker-4", "select speaker 4", NO),
    bind(Global, &[k('5')], A::SelectSpeaker(4), "speaker-5", "select speaker 5", NO),
    bind(Global, &[k('6')], A::SelectSpeaker(5), "speaker-6", "select speaker 6", NO),
    bind(Global, &[k('7')], A::SelectSpeaker(6), "speaker-7", "select speaker 7", NO),
    bind(Global, &[k('8')], A::SelectSpeaker(7), "speaker-8", "select speaker 8", NO),
    bind(Global, &[k('9')], A::SelectSpeaker(8), "speaker-9", "select speaker 9", NO),
    bind(Global, &[k('f')], A::ToggleFilter, "filter", "only the selected speaker's turns (toggle)", HINT),
    bind(Global, &[k('s')], A::ToggleStatsScope, "stats-scope", "statistics: so far / whole session", NO),
    bind(Global, &[k('!')], A::OpenWarnings, "warnings", "what the importer warned about", NO),
    bind(Global, &[ESC], A::Back, "back", "back to the library (when opened from one)", NO),
    bind(Global, &[k('y')], A::CopyQuote, "copy-quote", "copy the quote with its citation", NO),
    bind(Global, &[k('Y')], A::CopyTurn, "copy-turn", "copy the turn with its citation", NO),
    bind(Global, &[k('m')], A::ToggleMark, "mark", "mark the found quote or the turn", NO),
    bind(Global, &[k('\'')], A::OpenMarks, "marks", "list the marks or the codes (Tab switches)", NO),
    bind(Global, &[k('e')], A::Export, "export", "export what is shown as Markdown", NO),
    bind(Global, &[k('W')], A::ToggleWords, "words", "words: most frequent and most distinctive (toggle)", NO),
    bind(Global, &[k('T')], A::ToggleTimeline, "timeline", "timeline: who spoke when (toggle)", NO),
    bind(Global, &[k('t')], A::CodePassage, "code", "code the found quote or the turn (a code it has: removed)", NO),
    bind(Global, &[k('p')], A::Play, "play", "play the recording from here (again: pause)", NO),
    bind(Global, &[k('F')], A::ToggleFollow, "follow", "follow the player: the transcript moves with it", NO),
    bind(Transcript, &[k('j'), DOWN], A::Down, "down", "scroll down a line", HINT),
    bind(Transcript, &[k('k'), UP], A::Up, "up", "scroll up a line", NO),
    bind(Transcript, &[k('g'), HOME], A::Top, "top", "top", NO),
    bind(Transcript, &[k('G'), END], A::Bottom, "bottom", "bottom: the end of the last turn", NO),
    bind(Transcript, &[PGDN, k(' ')], A::PageDown, "page-down", "page down", HINT),
    bind(Transcript, &[PGUP, k('b')], A::PageUp, "page-up", "page up", NO),
    bind(Transcript, &[ctrl('d')], A::HalfPageDown, "half-page-down", "half a page down", NO),
    bind(Transcript, &[ctrl('u')], A::HalfPageUp, "half-page-up", "half a page up", NO),
    bind(Summaries, &[k('j'), DOWN], A::Down, "down", "next summary sentence", HINT),
    bind(Summaries, &[k('k'), UP], A::Up, "up", "previous summary sentence", NO),
    bind(Summaries, &[ENTER], A::Open, "open", "go to the sentence's best source (n / N: the others)", HINT),
    bind(Summaries, &[k('g'), HOME], A::Top, "top", "first sentence", NO),
    bind(Summaries, &[k('G'), END], A::Bottom, "bottom", "last sentence", NO),
    bind(Summaries, &[PGDN, k(' ')], A::PageDown, "page-down", "page down", NO),
    bind(Summaries, &[PGUP, k('b')], A::PageUp, "page-up", "page up", NO),
    bind(Summaries, &[ctrl('d')], A::HalfPageDown, "half-page-down", "half a page down", NO),
    bind(Summaries, &[ctrl('u')], A::HalfPageUp, "half-page-up", "half a page up", NO),
    bind(Words, &[k('j'), DOWN], A::Down, "down", "next word (or sentence)", HINT),
    bind(Words, &[k('k'), UP], A::Up, "up", "previous word (or sentence)", NO),
    bind(Words, &[k('l'), RIGHT], A::Right, "right", "the other list: most frequent / most distinctive", HINT),
    bind(Words, &[k('h'), LEFT], A::Left, "left", "the other list: most frequent / most distinctive", NO),
    bind(Words, &[ENTER], A::Open, "open", "the sentences using the word (in them: go to the sentence)", HINT),
    bind(Words, &[k('a')], A::ToggleWordsScope, "words-scope", "the selected speaker / the whole session", HINT),
    bind(Words, &[ESC], A::Back, "back", "back: from the sentences to the words, then to the transcript", HINT),
    bind(Words, &[k('g'), HOME], A::Top, "top", "first", NO),
    bind(Words, &[k('G'), END], A::Bottom, "bottom", "last", NO),
    bind(Words, &[PGDN, k(' ')], A::PageDown, "page-down", "page down", NO),
    bind(Words, &[PGUP, k('b')], A::PageUp, "page-up", "page up", NO),
    bind(Timeline, &[k('l'), RIGHT], A::Right, "right", "a column on (the statistics follow)", HINT),
    bind(Timeline, &[k('h'), LEFT], A::Left, "left", "a column back", HINT),
    bind(Timeline, &[ENTER], A::Open, "open", "go to the turn at the mark", HINT),
    bind(Timeline, &[ESC], A::Back, "back", "back to where you were", HINT),
    bind(Timeline, &[k('j'), DOWN], A::Down, "down", "next speaker", NO),
    bind(Timeline, &[k('k'), UP], A::Up, "up", "previous speaker", NO),
    bind(Timeline, &[k('g'), HOME], A::Top, "top", "the start", NO),
    bind(Timeline, &[k('G'), END], A::Bottom, "bottom", "the end", NO),
    bind(Timeline, &[PGDN, k(' ')], A::PageDown, "page-down", "a tenth of the way on", NO),
    bind(Timeline, &[PGUP, k('b')], A::PageUp, "page-up", "a tenth of the way back", NO),
    bind(Speakers, &[k('j'), DOWN], A::Down, "down", "next speaker", HINT),
    bind(Speakers, &[k('k'), UP], A::Up, "up", "previous speaker", HINT),
    bind(Speakers, &[k('g'), HOME], A::Top, "top", "first speaker", NO),
    bind(Speakers, &[k('G'), END], A::Bottom, "bottom", "last speaker", NO),
    bind(Speakers, &[ENTER], A::JumpToSpeaker, "open", "go to their next turn", HINT),
    bind(Speakers, &[PGDN, k(' ')], A::PageDown, "page-down", "transcript page down", NO),
    bind(Speakers, &[PGUP, k('b')], A::PageUp, "page-up", "transcript page up", NO),
    bind(Speakers, &[k('r')], A::RenameSpeaker, "rename", "rename (or merge) the speaker", HINT),
    bind(Stats, &[k('j'), DOWN], A::Down, "down", "scroll down", HINT),
    bind(Stats, &[k('k'), UP], A::Up, "up", "scroll up", NO),
    bind(Stats, &[k('g'), HOME], A::Top, "top", "top", NO),
    bind(Stats, &[PGDN, k(' ')], A::PageDown, "page-down", "transcript page down", NO),
    bind(Stats, &[PGUP, k('b')], A::PageUp, "page-up", "transcript page up", NO),
    bind(Search, &[DOWN, ctrl('n')], A::SearchNext, "search-next", "next hit", HINT),
    bind(Search, &[UP, ctrl('p')], A::SearchPrev, "search-previous", "previous hit (in an empty query: earlier queries)", HINT),
    bind(Search, &[ENTER], A::SearchAccept, "search-accept", "go to the hit", HINT),
    bind(Search, &[ESC], A::SearchCancel, "search-cancel", "close, back to where you were", HINT),
    bind(Search, &[BS], A::SearchBackspace, "search-backspace", "delete a character", NO),
    bind(Search, &[ctrl('u')], A::SearchClear, "search-clear", "clear the query", NO),
    bind(Search, &[ctrl('c')], A::Quit, "quit-while-typing", "quit", NO),
    bind(Help, &[ESC, k('?'), k('q')], A::ToggleHelp, "close", "close the help", HINT),
    bind(Help, &[k('j'), DOWN], A::Down, "down", "scroll down", HINT),
    bind(Help, &[k('k'), UP], A::Up, "up", "scroll up", NO),
    bind(Help, &[PGDN, k(' ')], A::PageDown, "page-down", "page down", HINT),
    bind(Help, &[PGUP, k('b')], A::PageUp, "page-up", "page up", NO),
    bind(Help, &[k('g'), HOME], A::Top, "top", "top", NO),
    bind(Help, &[k('G'), END], A::Bottom, "bottom", "end", NO),
    bind(Help, &[ctrl('c')], A::Quit, "quit", "quit", NO),
    bind(Marks, &[k('j'), DOWN], A::Down, "down", "next mark", HINT),
    bind(Marks, &[k('k'), UP], A::Up, "up", "previous mark", NO),
    bind(Marks, &[ENTER], A::Open, "open", "go to the mark", HINT),
    bind(Marks, &[k('d')], A::DeleteMark, "delete-mark", "remove the mark", HINT),
    bind(Marks, &[k('e')], A::Export, "export", "export the marks as Markdown", HINT),
    bind(Marks, &[k('y')], A::CopyQuote, "copy-quote", "copy the marked quote", NO),
    bind(Marks, &[ESC, k('\'')], A::OpenMarks, "close", "close", HINT),
    bind(Marks, &[ctrl('c'), k('q')], A::Quit, "quit", "quit", NO),
    bind(Marks, &[TAB], A::SwitchList, "switch-list", "the codes", HINT),
    bind(Codes, &[k('j'), DOWN], A::Down, "down", "next code", HINT),
    bind(Codes, &[k('k'), UP], A::Up, "up", "previous code", NO),
    bind(Codes, &[ENTER], A::Open, "open", "show only the passages with the code (Esc: all again)", HINT),
    bind(Codes, &[k('e')], A::Export, "export", "export the code's passages as Markdown", HINT),
    bind(Codes, &[TAB], A::SwitchList, "switch-list", "the marks", HINT),
    bind(Codes, &[ESC, k('\'')], A::OpenMarks, "close", "close", HINT),
    bind(Codes, &[ctrl('c'), k('q')], A::Quit, "quit", "quit", NO),
    bind(Warnings, &[k('j'), DOWN], A::Down, "down", "scroll down", HINT),
    bind(Warnings, &[k('k'), UP], A::Up, "up", "scroll up", NO),
    bind(Warnings, &[PGDN, k(' ')], A::PageDown, "page-down", "page down", NO),
    bind(Warnings, &[PGUP, k('b')], A::PageUp, "page-up", "page up", NO),
    bind(Warnings, &[k('g'), HOME], A::Top, "top", "top", NO),
    bind(Warnings, &[k('G'), END], A::Bottom, "bottom", "end", NO),
    bind(Warnings, &[ESC, k('!')], A::OpenWarnings, "close", "close", HINT),
    bind(Warnings, &[ctrl('c'), k('q')], A::Quit, "quit", "quit", NO),
    bind(Prompt, &[ENTER], A::PromptAccept, "prompt-accept", "rename", HINT),
    bind(Prompt, &[ESC], A::PromptCancel, "prompt-cancel", "cancel", HINT),
    bind(Prompt, &[BS], A::PromptBackspace, "prompt-backspace", "delete a character", NO),
    bind(Prompt, &[ctrl('u')], A::PromptClear, "prompt-clear", "clear what is typed", NO),
    bind(Prompt, &[ctrl('c')], A::Quit, "quit-while-typing", "quit", NO),
    bind(CodePrompt, &[ENTER], A::PromptAccept, "prompt-accept", "add the code (or remove it, when the passage has it)", HINT),
    bind(CodePrompt, &[TAB], A::PromptComplete, "prompt-complete", "complete from the codes used so far (again: the next)", HINT),
    bind(CodePrompt, &[ESC], A::PromptCancel, "prompt-cancel", "cancel", HINT),
    bind(CodePrompt, &[BS], A::PromptBackspace, "prompt-backspace", "delete a character", NO),
    bind(CodePrompt, &[ctrl('u')], A::PromptClear, "prompt-clear", "clear what is typed", NO),
    bind(CodePrompt, &[ctrl('c')], A::Quit, "quit-while-typing", "quit", NO),
    bind(Library, &[k('j'), DOWN], A::Down, "down", "next row", HINT),
    bind(Library, &[k('k'), UP], A::Up, "up", "previous row", NO),
    bind(Library, &[k('g'), HOME], A::Top, "top", "first row", NO),
    bind(Library, &[k('G'), END], A::Bottom, "bottom", "last row", NO),
    bind(Library, &[PGDN, k(' ')], A::PageDown, "page-down", "page down", NO),
    bind(Library, &[PGUP, k('b')], A::PageUp, "page-up", "page up", NO),
    bind(Library, &[ENTER], A::Open, "open", "open the session, person or turn", HINT),
    bind(Library, &[ESC], A::Back, "back", "back to the people list", NO),
    bind(Library, &[k('o')], A::CycleSort, "sort", "sort: again reverses, then the next column", HINT),
    bind(Library, &[k('p'), TAB], A::TogglePeople, "people", "sessions / people", HINT),
    bind(Library, &[k('W')], A::ToggleWords, "words", "a person's words against everyone else (people list)", NO),
    bind(Library, &[k('/')], A::OpenSearch, "search", "search every session", HINT),
    bind(Library, &[k('P')], A::CycleParty, "party-filter", "people of one party: the next party, then all", NO),
    bind(Library, &[k('H')], A::CycleHouse, "house-filter", "sessions of one house: the next house, then all", NO),
    bind(Library, &[k('D')], A::OpenDates, "date-range", "sessions between two dates (from..to)", NO),
    bind(Library, &[k('!')], A::OpenWarnings, "warnings", "the files that could not be read", NO),
    bind(Library, &[k('?')], A::ToggleHelp, "help", "help: every key", HINT),
    bind(Library, &[k('q'), ctrl('c')], A::Quit, "quit", "quit", HINT),
    bind(Anywhere, &[ctrl('z')], A::Suspend, "suspend", "suspend to the shell (fg comes back)", NO),
];

/// Why a user's keys could not be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error(
        "{0:?} is not an action; the names are those in the help (? lists them), such as quit, search, page-down"
    )]
    UnknownAction(String),
    #[error(
        "{name}: {key} would be typed into the {context}; give it a key with Ctrl or Alt, or a named key"
    )]
    Typed {
        name: String,
        key: String,
        context: &'static str,
    },
    #[error("{key} is given to both {first} and {second}")]
    Twice {
        key: String,
        first: String,
        second: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl std::default::Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|d| Binding {
                    context: d.context,
                    keys: d.keys.to_vec(),
                    action: d.action.clone(),
                    name: d.name,
                    help: d.help,
                    hint: d.hint,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// Whether `name` names any binding.
    pub fn knows(name: &str) -> bool {
        DEFAULTS.iter().any(|d| d.name == name)
    }

    /// Gives every binding called `name` these keys instead of its own; the keys leave any
    /// other binding tried in the same contexts. Two names given one key in one context are
    /// an error, as is a plain character for a binding in a text field.
    pub fn with_keys(&mut self, name: &str, keys: &[Key]) -> Result<(), KeymapError> {
        if !Keymap::knows(name) {
            return Err(KeymapError::UnknownAction(name.to_string()));
        }
        let contexts: Vec<Context> = self
            .bindings
            .iter()
            .filter(|b| b.name == name)
            .map(|b| b.context)
            .collect();
        if let Some(context) = contexts.iter().find(|c| c.takes_text())
            && let Some(key) = keys.iter().find(|k| k.types())
        {
            return Err(KeymapError::Typed {
                name: name.to_string(),
                key: key.label(),
                context: match context {
                    Context::Search => "search query",
                    Context::CodePrompt => "code prompt",
                    _ => "rename prompt",
                },
            });
        }
        for b in &mut self.bindings {
            if b.name == name {
                b.keys = keys.to_vec();
                continue;
            }
            if !contexts.iter().any(|c| c.shares_keys_with(b.context)) {
                continue;
            }
            b.keys.retain(|key| !keys.contains(key));
        }
        Ok(())
    }

    /// Records that `name` was set by the user, to check two names do not share a key.
    pub fn check_twice(
        &self,
        name: &str,
        earlier: &[(String, Vec<Key>)],
        keys: &[Key],
    ) -> Result<(), KeymapError> {
        let contexts = |n: &str| -> Vec<Context> {
            self.bindings
                .iter()
                .filter(|b| b.name == n)
                .map(|b| b.context)
                .collect()
        };
        let mine = contexts(name);
        for (other, their_keys) in earlier {
            if other == name {
                continue;
            }
            let shared = contexts(other)
                .iter()
                .any(|c| mine.iter().any(|m| m.shares_keys_with(*c)));
            if let Some(key) = keys.iter().find(|k| their_keys.contains(k))
                && shared
            {
                return Err(KeymapError::Twice {
                    key: key.label(),
                    first: other.clone(),
                    second: name.to_string(),
                });
            }
        }
        Ok(())
    }

    /// The action for a key press in the given contexts, tried in order, then in `Anywhere`.
    /// In the search panel and the prompt an unbound printable character is typed.
    pub fn action_for(&self, event: &KeyEvent, contexts: &[Context]) -> Option<Action> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        for &context in contexts.iter().chain([&Context::Anywhere]) {
            let found = self
                .bindings
                .iter()
                .filter(|b| b.context == context)
                .find(|b| b.keys.iter().any(|key| key.matches(event)));
            if let Some(b) = found {
                return Some(b.action.clone());
            }
        }
        if let Some(&first) = contexts.first()
            && first.takes_text()
            && let KeyCode::Char(c) = event.code
            && k(c).matches(event)
        {
            return Some(if first == Context::Search {
                Action::SearchInput(c)
            } else {
                Action::PromptInput(c)
            });
        }
        None
    }

    /// A pane binding of this key in another pane than the ones tried: where the key works.
    pub fn elsewhere(&self, event: &KeyEvent, contexts: &[Context]) -> Option<&Binding> {
        let panes = [
            Context::Transcript,
            Context::Summaries,
            Context::Words,
            Context::Timeline,
            Context::Speakers,
            Context::Stats,
        ];
        self.bindings.iter().find(|b| {
            panes.contains(&b.context)
                && !contexts.contains(&b.context)
                && b.keys.iter().any(|key| key.matches(event))
        })
    }

    /// Footer hints for a context: `(first key, help)` of its hinted bindings that have a key.
    pub fn hints(&self, context: Context) -> impl Iterator<Item = (String, &'static str)> + '_ {
        self.bindings
            .iter()
            .filter(move |b| b.context == context && b.hint)
            .filter_map(|b| Some((b.keys.first()?.label(), b.help)))
    }

    /// The first key of the binding `name` in `context`, as written (for messages).
    pub fn key_for(&self, context: Context, name: &str) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.name == name)
            .and_then(|b| b.keys.first())
            .map(|k| k.label())
    }
}

/// `"j ↓"`: a binding's keys as the help writes them (`-` when the user took them all away).
pub fn keys_label(binding: &Binding) -> String {
    if binding.keys.is_empty() {
        return "-".into();
    }
    binding
        .keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
