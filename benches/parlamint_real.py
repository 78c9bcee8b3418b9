"""Issue 15: real ParlaMint sittings against Podium.

    python3 benches/parlamint_real.py target/debug/podium SITTING.xml...

Counts a ParlaMint sitting by hand rules, independent of Podium: speakers are the distinct
`who` of `<u>`; a turn is a run of `<u>` with the same `who` and role (`ana` #chair/#regular/
#guest) inside one `<div>`; words are runs of letters/digits (\\w+) in the `<seg>` text of each
`<u>` (notes, kinesics, vocals, gaps left out). Then compares with `podium stats --json`."""
import json, re, subprocess, sys
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"

def role(ana):
    for t in (ana or "").split():
        t = t.lstrip("#")
        if t in ("chair", "regular", "guest"):
            return t
    return None

def count(path):
    root = ET.parse(path).getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    whos, turns, words = [], 0, 0
    for div in body.iter(f"{TEI}div"):
        last = None
        for u in div.findall(f"{TEI}u"):
            who = u.get("who")
            key = (who, role(u.get("ana")))
            if who not in whos:
                whos.append(who)
            if key != last:
                turns += 1
            last = key
            for seg in u.findall(f"{TEI}seg"):
                words += len(re.findall(r"\w+", "".join(seg.itertext())))
    return whos, turns, words

podium = sys.argv[1]
for path in sys.argv[2:]:
    whos, turns, words = count(path)
    out = subprocess.run([podium, "--no-cache", "stats", "--json", path], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"{path}: FAILED {out.stderr.strip()}")
        continue
    st = json.loads(out.stdout)
    sp = st["speakers"]
    pw = st["session"]["words"]
    ids = [w.lstrip("#") for w in whos]
    named = [s for s in sp if s["name"] not in ids and s["name"] != s.get("person_id")]
    parties = [s for s in sp if s.get("party")]
    print(f"{path.split('/')[-1]}: format {st['session']['source_format']}; "
          f"speakers {len(sp)}/{len(whos)} (XML); turns {st['session']['turns']}/{turns} (XML); "
          f"words {pw}/{words} (XML) = {100*pw/words:.1f}%; named {len(named)}/{len(sp)}; "
          f"with party {len(parties)}/{len(sp)}")
    for s in sp:
        print(f"    {s['name']!s:<40} {str(s.get('party')):<24} {s['words']:>5}w {s['turns']}t  id={s.get('person_id')}")
    if out.stderr.strip():
        print("    stderr:", out.stderr.strip().replace("\n", "\n    stderr: "))
