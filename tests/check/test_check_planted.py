"""Recall: every identifier planted in a briefing is found, at its line and column."""

from __future__ import annotations

from check_helpers import PLANTED, check_json, findings, position_of

PLANTED_IDENTIFIERS = [
    # (rule, the text as matched), in file order; positions are read from the file
    ("name", "Callum Reid"),                      # subtitle
    ("name", "Kayleigh Dunn"),                    # keywords
    ("date-of-birth", "born on 3 March 2012"),    # summary (folded block)
    ("address", "14 Acacia Avenue"),
    ("postcode", "BS5 6XY"),                      # on the next line of the block
    ("name", "Jane Smith"),
    ("name", "Dean Walsh"),
    ("nhs-number", "943 476 5919"),
    ("nhs-number", "4010232137"),
    ("phone", "07911 123456"),
    ("phone", "0117 496 0123"),
    ("ni-number", "AB 12 34 56 C"),
    ("date-of-birth", "DOB: 03/03/2012"),         # a quoted string
    ("name", "Kayleigh O’Brien"),                 # a bullet
    ("age-with-date", "14 May 2014 Child P, then aged 2"),
    ("vehicle", "AB12 CDE"),
    ("address", "Flat 2, 31 Church Road"),
    ("email", "jane.smith@westshire.example"),    # a callout
    ("email", "j.smith@health.example"),
    ("name", "Mrs Jones"),                        # a quote's attribution
    ("name", "Tyler Brown"),                      # split over two lines
    ("phone", "+44 117 496 0999"),
    ("vehicle", "P123 ABC"),
    ("ni-number", "JH123456D"),
    ("date-of-birth", "date of birth 14.02.1990"),
    ("postcode", "SW1A 1AA"),
    ("name", "Dr Okafor"),                        # a link's note
    ("name", "Grace Hopper"),                     # a first name that is also a word
    ("name", "Sophie Turner"),                    # a question; possessive
    ("name", "Shannon Price"),                    # the feedback text
]


def test_every_planted_identifier_is_found_at_its_line_and_column():
    path = PLANTED / "identifiers.yaml"
    code, report = check_json(path)
    found = {(f["rule"], f["text"]): (f["line"], f["column"])
             for f in findings(report, "personal-data")}
    missed = []
    for rule, text in PLANTED_IDENTIFIERS:
        expected = position_of(path, text)
        if found.get((rule, " ".join(text.split()))) != expected:
            missed.append((rule, text, expected, found.get((rule, text))))
    assert not missed, missed
    # and nothing else: every personal-data finding in the file is a planted one
    assert len(found) == len(PLANTED_IDENTIFIERS), sorted(found)
    assert code == 1 and report["passed"] is False
    assert report["counts"]["personal-data"] == len(PLANTED_IDENTIFIERS)


def test_text_output_names_the_match_and_why(project):
    project.briefing("leak", """\
        title: Briefing
        sections:
          - heading: What happened
            content:
              - >-
                The social worker phoned Mother on
                0117 496 0123 and visited 22 Mill Lane.
        """)
    result = project.run("check", "briefings/leak.yaml")
    assert result.code == 1
    lines = result.out.splitlines()
    assert any(line.startswith("briefings/leak.yaml:7:9: warning: [phone] “0117 496 0123” "
                               "is a UK phone number") for line in lines), result.out
    assert any(line.startswith("briefings/leak.yaml:7:35: warning: [address] "
                               "“22 Mill Lane”") for line in lines), result.out
    assert "1 briefing checked: 2 personal data" in result.err
