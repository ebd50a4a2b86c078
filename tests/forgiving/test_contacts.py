"""Contacts as real briefings have them: phone numbers, mailto: pasted into email:, bare
addresses, mailto subjects with spaces, and removing a contact the style gives."""

from __future__ import annotations

from conftest import pdf_links, pdf_pages_text

STYLE = """\
name: Trial
feedback:
  email: style@example.org
  phone: 0117 000 0000
  website: https://example.org/contact
"""

BRIEFING = """\
title: Contacts
style: trial
sections:
  - heading: One
    content:
      - Write to help@example.org, [email us](mailto:a@b.org?subject=Feedback on Family L)
        or [ring us](tel:+441174960123).
feedback:
  email: mailto:team@example.org
  phone: 0117 496 0123
  website: none
"""


def _uris(pdf) -> list[str]:
    return [uri for _, uri, _ in pdf_links(pdf)]


def test_phone_mailto_and_none(project):
    project.write("styles/trial.yaml", STYLE)
    project.briefing("contacts", BRIEFING)
    pdf = project.build("contacts", "--html")
    text = pdf_pages_text(pdf)[0]
    assert "Email: team@example.org\r\nPhone: 0117 496 0123\r\n" in text
    assert "mailto:" not in text and "example.org/contact" not in text  # none removed it
    assert text.endswith("team@example.org · 0117 496 0123")  # the footer line
    uris = _uris(pdf)
    assert uris[:3] == ["mailto:help@example.org",
                        "mailto:a@b.org?subject=Feedback%20on%20Family%20L",
                        "tel:+441174960123"]
    assert uris.count("mailto:team@example.org") == 2 and uris.count("tel:01174960123") == 2
    html = (project.root / "out" / "contacts.html").read_text(encoding="utf-8")
    assert ('<li><strong>Phone:</strong> <a href="tel:01174960123">0117 496 0123</a></li>'
            in html)
    assert '<a href="mailto:help@example.org">help@example.org</a>' in html


def test_style_phone_is_the_default(project):
    project.write("styles/trial.yaml", STYLE)
    project.briefing("inherit", BRIEFING.split("feedback:")[0])
    pdf = project.build("inherit")
    assert "Phone: 0117 000 0000" in pdf_pages_text(pdf)[0]
    assert "tel:01170000000" in _uris(pdf)


def test_empty_values_say_what_they_mean(project):
    project.write("styles/trial.yaml", STYLE)
    project.briefing("empty", BRIEFING.split("feedback:")[0] + "feedback:\n  phone:\n"
                     "  twitter:\n")
    result = project.run("validate", "briefings/empty.yaml")
    assert result.code == 0
    assert result.err.splitlines()[:2] == [
        "briefings/empty.yaml:9:3: warning: 'phone' is empty, so the style's phone "
        "(0117 000 0000) is printed; to leave it out write phone: none",
        "briefings/empty.yaml:10:3: warning: 'twitter' is empty, so nothing is printed for "
        "it; write a value or remove this line",
    ]


def test_bad_phone_and_email_are_explained(project):
    project.briefing("bad", BRIEFING.replace("style: trial\n", "").replace(
        "0117 496 0123", "call the office").replace("mailto:team@example.org", "team at home"))
    result = project.run("validate", "briefings/bad.yaml")
    assert result.code == 1
    assert ("briefings/bad.yaml:8:10: 'email': 'team at home' is not an email address; write "
            "it like name@example.org") in result.err
    assert ("briefings/bad.yaml:9:10: 'phone': 'call the office' is not a phone number; "
            "write digits (spaces, brackets and a leading + are fine), like 0117 496 0123 or "
            "+44 117 496 0123") in result.err
