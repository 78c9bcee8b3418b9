//! The command line itself (issue 10, item 6): global options in any position, value lists
//! that clap knows, shell completions, the manual page, `--color`, and help that fails loudly
//! when it cannot be written (issue 11, item 8).

#![allow(clippy::unwrap_used)] // a failing unwrap in a test is a failing test

mod common;

use common::{FULL, command, podium, stderr, stdout};

#[test]
fn global_options_before_the_subcommand_run_it() {
    let after = podium(&["stats", FULL, "--no-cache"]);
    assert!(after.status.success(), "{}", stderr(&after));
    let before = podium(&["--no-cache", "stats", FULL]);
    assert!(before.status.success(), "{}", stderr(&before));
    assert_eq!(stdout(&before), stdout(&after));

    let o = podium(&[
        "--format",
        "diploai",
        "search",
        FULL,
        "'comes 'personal",
        "--limit",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Bernhards Blumbergs  t18"),
        "{}",
        stdout(&o)
    );

    // The format really is used: the report is no SubRip file.
    let o = podium(&["--format", "srt", "--no-cache", "search", FULL, "q"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("igf2023-ns44-csirt.txt"),
        "{}",
        stderr(&o)
    );
    // Aliases and any case.
    let o = podium(&[
        "--format",
        "TXT",
        "stats",
        "tests/fixtures/formats/cart.txt",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn an_unknown_format_is_refused_listing_the_formats() {
    for args in [
        &["--format", "docx", "stats"][..],
        &["stats", "--format", "docx"],
        &["export", "--to", "pdf"],
    ] {
        let o = podium(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(err.contains("invalid value"), "{err}");
        let formats: Vec<&str> = podium::formats::Format::ALL
            .iter()
            .map(|f| f.name())
            .collect();
        let listed = if args.contains(&"--to") {
            "[possible values: md, json, csv, txt]".to_string()
        } else {
            format!("[possible values: {}]", formats.join(", "))
        };
        assert!(err.contains(&listed), "{err}");
    }
    let help = stdout(&podium(&["--help"]));
    for name in [
        "podium-json",
        "webvtt",
        "diploai",
        "DiploAI / dig.watch session report",
    ] {
        assert!(help.contains(name), "{name} not in --help:\n{help}");
    }
    let export = stdout(&podium(&["export", "--help"]));
    assert!(
        export.contains("csv") && export.contains("Markdown"),
        "{export}"
    );
}

#[test]
fn browsing_stays_the_default() {
    // A file that is not there is reported by the browser's loader, not taken as a subcommand.
    let o = podium(&["no-such-session.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-session.txt"), "{}", stderr(&o));
    let usage = stdout(&podium(&["--help"]));
    assert!(
        usage.contains("Usage: podium [OPTIONS] [FILES]... [COMMAND]"),
        "{usage}"
    );
}

#[test]
fn completions_for_every_shell() {
    for (shell, expect) in [
        ("bash", "complete -F _podium"),
        ("zsh", "#compdef podium"),
        ("fish", "complete -c podium"),
        ("elvish", "edit:completion:arg-completer[podium]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = podium(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains(expect), "{shell}: {script}");
        for sub in ["stats", "search", "kwic", "export"] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
    }
    // Value lists reach the shells too.
    let bash = stdout(&podium(&["completions", "bash"]));
    assert!(
        bash.contains("podium-json") && bash.contains("md json csv txt"),
        "{bash}"
    );
    assert_eq!(podium(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn the_manual_page_names_every_subcommand() {
    let o = podium(&["man"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(
        page.starts_with(".ie") || page.contains(".TH podium 1"),
        "{page}"
    );
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for sub in [
        "import",
        "stats",
        "search",
        "formats",
        "cite",
        "export",
        "kwic",
        "synth",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!("podium\\-{sub}(1)")),
            "{sub} missing"
        );
    }
    assert!(
        !page.contains("podium\\-bench"),
        "the hidden benchmark stays hidden"
    );
}

#[test]
fn color_auto_always_never() {
    let esc = |o: &std::process::Output| o.stdout.contains(&0x1b);
    for args in [
        &["search", "cyber hygiene", "--limit", "3"][..],
        &["kwic", "hygiene"],
        &["stats"],
        &["cite", "t4.1"],
    ] {
        // A pipe is no terminal: auto means plain, NO_COLOR or not.
        let auto = command(args).env_remove("NO_COLOR").output().expect("runs");
        assert!(!esc(&auto), "{args:?} coloured a pipe");
        let mut with = args.to_vec();
        with.extend(["--color", "always"]);
        let always = podium(&with);
        assert!(always.status.success(), "{args:?}: {}", stderr(&always));
        assert!(esc(&always), "{args:?}: --color always, even with NO_COLOR");
        let mut without = args.to_vec();
        without.extend(["--color=never"]);
        assert!(!esc(&podium(&without)), "{args:?}");
    }
    let o = podium(&["kwic", "hygiene", "--width", "10", "--color", "always"]);
    assert!(
        stdout(&o).contains("\x1b[1;31mhygiene\x1b[0m"),
        "{}",
        stdout(&o)
    );
    let o = podium(&["stats", "--color", "sometimes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[possible values: auto, always, never]"));
}

#[test]
fn help_that_cannot_be_written_fails() {
    for args in [
        &["--help"][..],
        &["stats", "--help"],
        &["--version"],
        &["man"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = command(args).stdout(full).output().expect("runs");
        assert_ne!(o.status.code(), Some(0), "{args:?} > /dev/full succeeded");
        assert!(
            stderr(&o).contains("No space left"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(podium(args).status.success(), "{args:?}");
    }
}

#[test]
fn kwic_width_is_bounded_by_the_parser() {
    for width in ["18446744073709551615", "501", "3", "-1"] {
        let o = podium(&["kwic", "hygiene", "--width", width]);
        assert_eq!(o.status.code(), Some(2), "--width {width}");
        assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    let o = podium(&["kwic", "hygiene", "--width", "500"]);
    assert!(o.status.success(), "{}", stderr(&o));
}
