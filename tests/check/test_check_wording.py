"""Accessible wording and style: weak link text, capitals, italics, alt text, and type
sizes under GOV.UK's 12 points (a warning at the style's line)."""

from __future__ import annotations

from check_helpers import check_json, findings
from PIL import Image

BRIEFING = """\
title: Wording
style: small-print
sections:
  - heading: Links
    content:
      - For the procedure [click here](https://example.org/procedure).
      - The guidance is [here](https://example.org/guidance) and at https://example.org/long/address.
      - PLEASE DO NOT SHARE THIS BRIEFING OUTSIDE YOUR TEAM. The BSCB is fine.
      - >-
        *This whole passage is set in italics, which is hard to read for many people
        when it runs on for a long time.*
      - image: picture.png
        alt: IMG_0042.png
      - image: picture.png
        alt: Timeline
      - image: picture.png
        alt: Timeline of referrals from September 2013 to July 2014
    links:
      - title: https://example.org/escalation
        url: https://example.org/escalation
      - title: Read more
        url: https://example.org/more
"""

STYLE = """\
name: Small print
extends: default
sizes:
  body: 10
  small: 7.5
"""


def test_each_wording_rule_at_its_place(project):
    project.briefing("wording", BRIEFING)
    project.write("styles/small-print.yaml", STYLE)
    Image.new("RGB", (40, 30), "white").save(project.root / "briefings" / "picture.png")
    code, report = check_json("briefings/wording.yaml", cwd=project.root)
    assert report["problems"] == [], report["problems"]
    got = {(f["rule"], f["text"], f["line"], f["column"])
           for f in findings(report, "accessibility")}
    assert got == {
        ("weak-link-text", "click here", 6, 28),
        ("weak-link-text", "here", 7, 26),
        ("bare-address", "https://example.org/long/address", 7, 69),
        ("capitals", "PLEASE DO NOT SHARE THIS BRIEFING OUTSIDE YOUR TEAM.", 8, 9),
        ("italics", "This whole passage is set", 10, 10),
        ("alt-text", "IMG_0042.png", 13, 14),
        ("alt-text", "Timeline", 15, 14),
        ("bare-address", "https://example.org/escalation", 19, 16),
        ("weak-link-text", "Read more", 21, 16),
        ("type-size", "sizes.body", 4, 9),
        ("type-size", "sizes.small", 5, 10),
    }, sorted(got)
    sizes = [f for f in findings(report) if f["rule"] == "type-size"]
    assert {f["file"] for f in sizes} == {"styles/small-print.yaml"}
    assert "10 pt" in sizes[0]["message"] and "12 pt" in sizes[0]["message"]
    assert code == 0


def test_a_style_at_gov_uk_sizes_has_no_size_warning(project):
    project.briefing("b", "title: B\nstyle: big\nsections: [{heading: H}]\n")
    project.write("styles/big.yaml", "name: Big\nextends: default\nsizes: {body: 12, small: 12}\n")
    _, report = check_json("briefings/b.yaml", cwd=project.root)
    assert [f for f in findings(report) if f["rule"] == "type-size"] == []
