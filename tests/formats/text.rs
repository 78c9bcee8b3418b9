//! Speaker-labelled text: CART chevrons, Markdown labels, Zoom, Otter and Rev headers.

use super::*;

#[test]
fn text_cart_chevrons_bare_chevrons_case_variants_annotations_and_inline_times() {
    let l = load("cart.txt");
    assert_eq!(l.format, Format::Text);
    assert_eq!(
        turns(&l.session),
        owned(&[
            ("MODERATOR", 8),
            ("MANISHA LIGADE", 15),
            ("Unknown speaker", 5),
            ("MODERATOR", 4),
            ("Unknown speaker", 3)
        ])
    );
    let s = &l.session;
    assert_eq!(s.meta.title, "RAW FILE");
    assert_eq!(
        s.notes,
        ["IGF 2023 DAY 1 MAIN HALL"],
        "front matter is a note, not the session's summary"
    );
    assert!(s.summary.is_empty());
    assert_eq!(s.turns[1].start, Some(238.22));
    assert_eq!(
        s.turns[1].paragraphs,
        [
            "Thank you. I will be brief [laughter]. We need open data.",
            "And open standards (inaudible) for everyone."
        ]
    );
    assert_eq!(
        s.turns[4].paragraphs,
        ["[unintelligible 00:08:54] about the funding?"]
    );
}

#[test]
fn text_markdown_bold_labels_and_title() {
    let l = load("podcast.md");
    assert_eq!(
        l.session.meta.title,
        "Episode 12: Internet governance in plain words"
    );
    assert_eq!(
        turns(&l.session),
        owned(&[("Host", 5), ("Guest", 10), ("Host", 5)])
    );
    assert_eq!(
        l.session.turns[1].paragraphs,
        ["Thanks for having me. It is great to be here."]
    );
}

#[test]
fn text_zoom_saved_transcript_headers_with_clock_times() {
    let l = load("zoom-saved.txt");
    assert_eq!(l.format, Format::Text);
    assert_eq!(
        turns(&l.session),
        owned(&[("Jane Doe", 6), ("John Smith", 4), ("Jane Doe", 3)])
    );
    assert_eq!(
        l.session.turns[1].start,
        Some(10.0 * 3600.0 + 2.0 * 60.0 + 9.0)
    );
}

#[test]
fn text_otter_and_rev_header_lines() {
    let l = load("otter.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Speaker 1", 10), ("Speaker 2", 7), ("Speaker 1", 1)])
    );
    assert_eq!(l.session.turns[2].start, Some(75.0));
    let l = load("rev.txt");
    assert_eq!(
        turns(&l.session),
        owned(&[("Ana Silva", 9), ("Bruno Costa", 3), ("Ana Silva", 4)])
    );
    assert_eq!(l.session.turns[1].start, Some(12.0));
    assert_eq!(l.session.turns[2].paragraphs, ["Over to the audience."]);
}
