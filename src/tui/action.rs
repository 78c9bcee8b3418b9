//! Everything the browser can be asked to do. Keys become actions through the keymap; mouse
//! events, resizes and search results become actions in the event loop. `App::update` is the
//! only place they change state.

use podium::marks::Kept;
use podium::search::Hit;

use super::player::PlayerEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave Podium.
    Quit,
    /// Give the terminal back to the shell and stop (Ctrl-Z); the event loop does it, since it
    /// holds the terminal, and redraws when the shell's `fg` continues Podium.
    Suspend,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Scroll down a line, or move the selection down.
    Down,
    /// Scroll up a line, or move the selection up.
    Up,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Open the quote search.
    OpenSearch,
    /// Go to the next search hit in the transcript.
    NextHit,
    /// Go to the previous search hit in the transcript.
    PrevHit,
    /// Go to the selected speaker's next turn.
    NextTurnOfSpeaker,
    /// Go to the selected speaker's previous turn.
    PrevTurnOfSpeaker,
    /// Go to the next change of speaker.
    NextSpeakerChange,
    /// Go to the previous change of speaker.
    PrevSpeakerChange,
    /// Select the n-th speaker (0-based).
    SelectSpeaker(usize),
    /// Go to the selected speaker's next turn after the cursor (Enter in the speaker list).
    JumpToSpeaker,
    /// Show only the selected speaker's turns, or all turns again.
    ToggleFilter,
    /// Statistics for the session so far, or the whole session.
    ToggleStatsScope,
    /// Switch the middle pane between the transcript and the summaries.
    ToggleSummaries,
    /// Show the words view in the middle pane (W), or the transcript again.
    ToggleWords,
    /// Show the timeline in the middle pane (T), or go back to where you were.
    ToggleTimeline,
    /// The words view: the selected speaker's words / the whole session's.
    ToggleWordsScope,
    /// Move left: the other list of the words view, a column back in the timeline.
    Left,
    /// Move right: the other list of the words view, a column on in the timeline.
    Right,
    /// Show (or close) the importer's warnings, or a library's files that failed.
    OpenWarnings,
    /// Open the selected library row (a session, a person, a person's turn).
    Open,
    /// Back: from a session to the library, from a person's turns to the people.
    Back,
    /// Sort the library by the next column.
    CycleSort,
    /// Switch the library between sessions and people.
    TogglePeople,
    /// Show only the people of the next party (then everyone again).
    CycleParty,
    /// Show only the sessions of the next house (then every house again).
    CycleHouse,
    /// Ask for a range of dates to show the sessions of.
    OpenDates,
    /// Copy the found (or current) quote with its citation.
    CopyQuote,
    /// Copy the current turn with its citation.
    CopyTurn,
    /// Mark the found quote, or the current turn (again to unmark).
    ToggleMark,
    /// Show the marks (or the codes, whichever was added to last).
    OpenMarks,
    /// Remove the selected mark.
    DeleteMark,
    /// Export what is on screen (the session, the speaker filter, or the marks) as Markdown.
    Export,
    /// Rename the selected speaker (a prompt asks for the name).
    RenameSpeaker,
    /// Type into the prompt.
    PromptInput(char),
    PromptBackspace,
    /// Empty the prompt (a prompt may open filled in).
    PromptClear,
    PromptAccept,
    PromptCancel,
    /// Complete the code being typed from the codes used so far.
    PromptComplete,
    /// Code the found quote, or the current turn (a prompt asks for the code; a code it
    /// already has is removed).
    CodePassage,
    /// Switch the list between marks and codes.
    SwitchList,
    /// Play the recording from the reading position; pause when it plays.
    Play,
    /// Let the reading position follow the player (or stop following).
    ToggleFollow,
    /// What the player did (from its worker thread).
    Player(PlayerEvent),
    /// Show a message (the outcome of work the event loop did).
    Notify(String),
    /// The marks and codes as the store kept them (another browser's merged in).
    MarksKept(Kept),
    /// Type a character into the search query.
    SearchInput(char),
    /// Delete the query's last character.
    SearchBackspace,
    /// Clear the query.
    SearchClear,
    /// Select the next hit in the search panel.
    SearchNext,
    /// Select the previous hit in the search panel.
    SearchPrev,
    /// Go to the selected hit and close the search.
    SearchAccept,
    /// Close the search and go back to where you were.
    SearchCancel,
    /// Ranked hits from the search worker for query `generation`: the best ones, how many
    /// quotes match in all, and whether the ranking is complete or a snapshot.
    SearchResults {
        generation: u64,
        hits: Vec<Hit>,
        total: usize,
        done: bool,
    },
    /// The terminal is now this size.
    Resize {
        width: u16,
        height: u16,
    },
    /// The mouse wheel turned over a cell.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A left click on a cell.
    Click {
        column: u16,
        row: u16,
    },
}

/// Work `update` asks the event loop to do for it: anything that leaves the process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Rank the session's quotes against `query` off the drawing thread.
    Search { generation: u64, query: String },
    /// Count every library session's words off the drawing thread (the library holds no
    /// session text); the result comes back tagged with `generation`.
    CountWords { generation: u64 },
    /// Put `text` on the clipboard (OSC 52, and tmux's buffer inside tmux).
    Copy { text: String },
    /// Keep the marks and codes.
    SaveMarks(Kept),
    /// Write `text` to a new file named after `stem` (never over an existing one).
    Export { stem: String, text: String },
    /// Keep a rename in podium.toml; `merged` when the new name was another speaker's.
    SaveRename {
        from: String,
        to: String,
        merged: bool,
    },
    /// Add a query to the search history.
    SaveQuery(String),
    /// Start `program` (mpv) playing `media` from `start_ms`.
    Play {
        program: std::path::PathBuf,
        media: std::path::PathBuf,
        start_ms: u64,
    },
    /// Pause the player.
    Pause,
    /// Play on, from `seek_ms` when the reader has moved since the pause.
    Resume { seek_ms: Option<u64> },
}
