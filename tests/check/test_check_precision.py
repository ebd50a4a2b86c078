"""Precision: no personal-data finding on the sample briefings nor on a corpus of
realistic anonymised briefings full of role words, agencies, places used as
organisations, dates of events, months and years (figures in docs/check.md)."""

from __future__ import annotations

import pytest
from check_helpers import CORPUS, SAMPLES, check_json, findings


def test_the_corpus_is_big_enough_to_mean_something():
    assert len(CORPUS) >= 9
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in CORPUS)
    assert words > 3000


@pytest.mark.parametrize("group", ["samples", "corpus"])
def test_no_personal_data_findings(group):
    paths = SAMPLES if group == "samples" else CORPUS
    code, report = check_json(*paths)
    assert report["problems"] == []
    briefings = [p for p in paths if not p.name.endswith(".pack.yaml")]  # a pack's are these
    assert len(report["files"]) == len(briefings)
    assert findings(report, "personal-data") == []
    assert report["counts"]["personal-data"] == 0
    assert code == 0 and report["passed"] is True  # other findings do not fail without --strict


def test_an_accepted_finding_stays_quiet_with_allow(project):
    text = """\
        title: Briefing
        sections:
          - heading: What happened
            content:
              - The review was led by Lawrence Hill and Dr Foster, with Grace Hopper.
        """
    project.briefing("b", text)
    code, report = check_json("briefings/b.yaml", cwd=project.root)
    assert sorted(f["text"] for f in findings(report, "personal-data")) == \
        ["Dr Foster", "Grace Hopper", "Lawrence Hill"]
    assert code == 1
    allow = '        allow: ["lawrence hill", "Grace  Hopper", Dr Foster]\n'
    project.briefing("b", text.rstrip(" ") + allow)
    code, report = check_json("briefings/b.yaml", cwd=project.root)
    assert report["problems"] == []
    assert findings(report, "personal-data") == []
    assert report["files"][0]["allowed"] == 3
    assert code == 0
