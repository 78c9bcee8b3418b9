//! The closed sets of values the command line takes — input formats, export formats, when to
//! colour — as clap value enums, so `--help`, usage errors and shell completions list them.
//! The names and descriptions come from the core; only the aliases are kept here.

use std::io::IsTerminal;

use clap::ValueEnum;
use clap::builder::PossibleValue;
use podium::export::To;
use podium::formats::Format;

/// `--format NAME`: an input format, by the name `podium formats` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatName(pub Format);

/// Every format, in the core's order: the list grows with the core, never by hand here.
static FORMATS: std::sync::LazyLock<Vec<FormatName>> =
    std::sync::LazyLock::new(|| Format::ALL.iter().copied().map(FormatName).collect());

/// Other names each format is known by (the core's `Format::from_name` reads them too).
fn format_aliases(format: Format) -> &'static [&'static str] {
    match format {
        Format::WebVtt => &["vtt"],
        Format::Text => &["txt", "md", "markdown"],
        Format::PodiumJson => &["podium"],
        _ => &[],
    }
}

impl ValueEnum for FormatName {
    fn value_variants<'a>() -> &'a [Self] {
        FORMATS.as_slice()
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(
            PossibleValue::new(self.0.name())
                .help(self.0.description())
                .aliases(format_aliases(self.0).iter().copied()),
        )
    }
}

/// `export --to FORMAT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToName(pub To);

const TOS: [ToName; 4] = {
    let a = To::ALL;
    [ToName(a[0]), ToName(a[1]), ToName(a[2]), ToName(a[3])]
};

impl ValueEnum for ToName {
    fn value_variants<'a>() -> &'a [Self] {
        &TOS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(
            PossibleValue::new(self.0.name())
                .help(self.0.description())
                .aliases(self.0.aliases().iter().copied()),
        )
    }
}

/// `--color WHEN` on every subcommand that prints in colour, as ripgrep has it.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct ColorWhen {
    /// When to colour the output: auto (only on a terminal, and when NO_COLOR is unset),
    /// always, or never
    #[arg(
        long = "color",
        visible_alias = "colour",
        value_name = "WHEN",
        default_value = "auto"
    )]
    when: When,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum When {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    /// Whether standard output gets colour.
    pub fn stdout(self) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        colour(self.when, std::io::stdout().is_terminal(), no_color)
    }
}

/// `auto` colours only a terminal, and only when `NO_COLOR` is not set; `always` and `never`
/// are what they say, whatever `NO_COLOR` holds.
fn colour(when: When, terminal: bool, no_color: bool) -> bool {
    match when {
        When::Always => true,
        When::Never => false,
        When::Auto => terminal && !no_color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_and_alias_means_what_the_core_reads() {
        for &f in FORMATS.iter() {
            let value = f.to_possible_value().expect("value");
            for name in value.get_name_and_aliases() {
                assert_eq!(Format::from_name(name), Some(f.0), "{name}");
                assert_eq!(FormatName::from_str(name, true), Ok(f), "{name}");
            }
        }
        let all: Vec<Format> = FORMATS.iter().map(|f| f.0).collect();
        assert_eq!(all, Format::ALL);
    }

    #[test]
    fn every_export_name_and_alias_means_what_the_core_reads() {
        for t in TOS {
            let value = t.to_possible_value().expect("value");
            for name in value.get_name_and_aliases() {
                assert_eq!(To::from_name(name), Some(t.0), "{name}");
            }
        }
        assert_eq!(TOS.map(|t| t.0), To::ALL);
    }

    #[test]
    fn auto_colours_a_terminal_unless_no_color() {
        assert!(colour(When::Auto, true, false));
        assert!(!colour(When::Auto, false, false));
        assert!(!colour(When::Auto, true, true));
        assert!(colour(When::Always, false, true));
        assert!(!colour(When::Never, true, false));
    }
}
