//! `podium stats DIR --by person|party [--json]` on the GB sample, against counts made by hand
//! (see the top of `main.rs` and `fixtures/parlamint/SOURCES.md`): 2017 has 250 words (Kinnock
//! 23, Davis 90, Blackman 47, Jones 90), 2020 has 2,328 (Fowler 50, Touhig 16, Griffiths 885,
//! Barran 1,377).

use std::process::Command;

use super::*;

fn podium(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_podium"))
        .arg("--no-cache")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn stats_by_party_per_year_from_hand_counts() {
    let dir = gb().display().to_string();
    let (out, err, ok) = podium(&["stats", &dir, "--by", "party"]);
    assert!(ok, "{err}");
    assert!(err.is_empty(), "the root and lists are no failures: {err}");
    assert!(
        out.starts_with("2 sessions · 2017–2020 · 2578 words · 3 parties\n"),
        "{out}"
    );
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(3)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        [
            // CON: Davis + Blackman + Jones in 2017 (227 of 250), Barran in 2020.
            vec!["CON", "2017", "1", "3", "227", "90.8%"],
            vec!["CON", "2020", "1", "1", "1377", "59.1%"],
            vec!["CON", "all", "2", "4", "1604", "62.2%"],
            vec!["LAB", "2017", "1", "1", "23", "9.2%"],
            vec!["LAB", "2020", "1", "2", "901", "38.7%"],
            vec!["LAB", "all", "2", "3", "924", "35.8%"],
            vec!["I", "2020", "1", "1", "50", "2.1%"],
        ]
    );
}

#[test]
fn stats_by_person_as_json_lines() {
    let dir = gb().display().to_string();
    let (out, err, ok) = podium(&["stats", &dir, "--by", "person", "--json"]);
    assert!(ok, "{err}");
    let groups = json_lines(&out);
    assert_eq!(groups.len(), 8, "eight people speak");
    let barran = &groups[0];
    assert_eq!(barran["by"], "person");
    assert_eq!(barran["key"], "DianaBarran");
    assert_eq!(barran["name"], "Diana Barran");
    assert_eq!(barran["parties"], serde_json::json!(["CON"]));
    assert_eq!(barran["words"], 1377);
    assert_eq!(barran["years"][0]["year"], "2020");
    assert_eq!(barran["years"][0]["share"], 0.5915, "1,377 of 2,328");
    let fowler = groups.iter().find(|g| g["key"] == "PeterFowler").unwrap();
    assert_eq!(
        fowler["parties"],
        serde_json::json!(["I"]),
        "on the sitting's date"
    );
    // A folder is by person unless --by says otherwise; the table has a party column.
    let (table, _, ok) = podium(&["stats", &dir]);
    assert!(ok);
    let kinnock = table.lines().find(|l| l.contains("Kinnock")).unwrap();
    let cells: Vec<&str> = kinnock.split("  ").filter(|c| !c.is_empty()).collect();
    assert_eq!(
        cells.iter().map(|c| c.trim()).collect::<Vec<_>>(),
        [
            "Stephen Nathan Kinnock",
            "LAB",
            "2017",
            "1",
            "1",
            "23",
            "9.2%"
        ]
    );
}

#[test]
fn stats_json_of_a_sitting_has_party_and_organisation() {
    let file = gb().join(LORDS).display().to_string();
    let (out, err, ok) = podium(&["stats", &file, "--json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let griffiths = &v["speakers"][2];
    assert_eq!(griffiths["name"], "Leslie John Griffiths");
    assert_eq!(griffiths["party"], "LAB");
    assert_eq!(griffiths["organisation"], "Labour");
    assert_eq!(griffiths["person_id"], "LeslieGriffiths");
    let (table, _, _) = podium(&["stats", &file]);
    assert!(
        table.contains("speaker                party  role"),
        "{table}"
    );
    // --by of one sitting: its people, that year.
    let (one, _, ok) = podium(&["stats", &file, "--by", "party"]);
    assert!(ok);
    assert!(
        one.starts_with("1 session · 2020 · 2328 words · 3 parties"),
        "{one}"
    );
}
