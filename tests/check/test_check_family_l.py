"""The Family L sample: reading age per section, acronyms used before they are spelt
out, and the link wording that says nothing — each at its line in the file."""

from __future__ import annotations

from check_helpers import check_json, findings, position_of

from conftest import ROOT

FAMILY_L = ROOT / "briefings" / "family-l.yaml"


def test_reading_age_of_every_section_with_the_measure_named():
    _, report = check_json(FAMILY_L)
    assert "Flesch–Kincaid" in report["measure"]
    ages = report["files"][0]["reading_ages"]
    headings = [a["section"] for a in ages]
    assert headings[0] == "What is a CPIR?" and len(ages) == 7  # every section has prose
    for age in ages:
        assert age["line"] == position_of(FAMILY_L, age["section"])[0]
        assert 8 <= age["reading_age"] <= 20 and age["words"] >= 30
    notes = [f for f in findings(report) if f["rule"] == "reading-age"]
    assert len(notes) == 7
    over = [f for f in notes if f["severity"] == "warning"]
    assert over and all("over 15" in f["message"] for f in over)
    assert all(f["message"].startswith("reading age ") for f in notes)


def test_acronyms_used_before_they_are_spelt_out():
    _, report = check_json(FAMILY_L)
    acronyms = {f["text"]: (f["line"], f["column"]) for f in findings(report)
                if f["rule"] == "acronym"}
    assert acronyms == {"S47": position_of(FAMILY_L, "S47 strategies"),
                        "MARAC": position_of(FAMILY_L, "MARAC meetings"),
                        "BDP": position_of(FAMILY_L, "BDP worker")}
    # CPIR, BSCB and MASH are spelt out (in the title, the author and the callout)


def test_weak_link_wording_and_long_sentences():
    _, report = check_json(FAMILY_L)
    weak = [f for f in findings(report) if f["rule"] == "weak-link-text"]
    assert [(f["text"], f["line"], f["column"]) for f in weak] == [
        ("read more", *position_of(FAMILY_L, "read more"))]
    long = [f for f in findings(report) if f["rule"] == "long-sentence"]
    assert position_of(FAMILY_L, "To help embed")[0] in [f["line"] for f in long]
    assert all(int(f["message"].split(" has ")[1].split()[0]) > 25 for f in long)


def test_text_report_and_summary_line(project):
    result = project.run("check", str(FAMILY_L))
    assert result.code == 0  # no personal data; other findings fail only with --strict
    assert f"{FAMILY_L}:55:69: warning: [acronym] MARAC is never spelt out" in result.out \
        or "family-l.yaml:55:69: warning: [acronym] MARAC is never spelt out" in result.out
    summary = [line for line in result.out.splitlines() if line.endswith("reading age 13–17")]
    assert len(summary) == 1 and "0 personal data, 19 plain English, 3 accessibility" in \
        summary[0]
    strict = project.run("check", "--strict", str(FAMILY_L))
    assert strict.code == 1
