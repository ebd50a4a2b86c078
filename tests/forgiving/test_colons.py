"""Prose with colons is printed exactly as typed; a key close to a keyword is an error."""

from __future__ import annotations

from conftest import pdf_pages_text

COLONS = """\
title: "Meeting note: read before Monday"
questions:
  - Ask: what would you do differently?
sections:
  - heading: What happened
    content:
      - Key point: the school had raised concerns # twice, in writing
      - Date: 2020
      - callout: Remember: always ask the child
        title: Practice point
      - quote: Mum said: "nobody listened"
        by: Review panel
      - bullets:
          - Agency: health visiting
          - "Quoted: still fine"
      - links:
          - title: Escalation procedure
            url: https://example.org/escalation
            note: Use it when: professionals disagree
feedback:
  text: Tell us: how did you use this briefing?
"""


def test_colons_in_prose_print_as_typed(project):
    project.briefing("colons", COLONS)
    lines = pdf_pages_text(project.build("colons"))[0].splitlines()
    for expected in ["Key point: the school had raised concerns # twice, in writing",
                     "Date: 2020", "Remember: always ask the child",
                     'Mum said: "nobody listened"', "• Agency: health visiting",
                     "• Quoted: still fine", "Use it when: professionals disagree",
                     "Tell us: how did you use this briefing?",
                     "Ask: what would you do differently?"]:
        assert any(expected in line for line in lines), (expected, lines)


def test_keys_close_to_keywords_are_errors_all_at_once(project):
    project.briefing("close", """\
        title: Close calls
        sections:
          - heading: One
            content:
              - bulets: a list meant
              - Callout: meant as a box
              - bullets:
                  - Numbred: inside a list
        """)
    result = project.run("validate", "briefings/close.yaml")
    assert result.code == 1
    assert result.err.splitlines()[:3] == [
        "briefings/close.yaml:5:9: 'bulets:' is not a kind of block; did you mean 'bullets'? "
        "(if this line is text, not a key, put the whole line in double quotes)",
        "briefings/close.yaml:6:9: 'Callout:' is not a kind of block; keys are written in "
        "lower case: callout: (if this line is text, not a key, put the whole line in double "
        "quotes)",
        "briefings/close.yaml:8:13: 'Numbred:' is not a kind of block; did you mean "
        "'numbered'? (if this line is text, not a key, put the whole line in double quotes)",
    ]
    assert "0 valid, 1 with problems" in result.err


def test_a_misindented_key_is_still_an_error(project):
    """A colon is let through only inside a value, never at a key written at the wrong
    indent (which the user has to fix)."""
    project.briefing("indent", """\
        title: Indent
        sections:
          - heading: One
           content: x
        """)
    result = project.run("validate", "briefings/indent.yaml")
    assert result.code == 1
    assert result.err.startswith("briefings/indent.yaml:4:")


def test_a_nested_list_gets_advice_that_works(project):
    nested = """\
        title: Nested
        sections:
          - heading: One
            content:
              - bullets:
                  - Agencies involved:
                      - health visiting
                      - school
        """
    project.briefing("nested", nested)
    result = project.run("validate", "briefings/nested.yaml")
    assert result.code == 1
    assert result.err.splitlines()[0] == (
        "briefings/nested.yaml:6:13: 'Agencies involved:' starts a list inside a list item, "
        "and a briefing's lists have one level; write 'Agencies involved:' as an item of its "
        "own and move the items under it left, so that each '-' is under the '-' of that item")
    followed = nested.replace("      - health", "  - health").replace("      - school",
                                                                       "  - school")
    project.briefing("nested", followed)
    text = pdf_pages_text(project.build("nested"))[0]
    assert "• Agencies involved:\n• health visiting\n• school" in text.replace("\r", "")


def test_pasted_bullet_lines_become_list_items_with_a_warning(project):
    project.briefing("pasted", """\
        title: Pasted
        sections:
          - heading: One
            content:
              - |
                The review found:
                • poor information sharing
                • no escalation
              - bullets:
                  - First point
                    - a point typed one level in
        """)
    result = project.run("build", "briefings/pasted.yaml")
    assert result.code == 0, result.err
    assert result.err.splitlines()[:2] == [
        "briefings/pasted.yaml:7:9: warning: lines starting with '• ' are read as list items "
        "(pasted from a list in another program?); to say so, write them as a bullets: list, "
        "one '- ' item per line",
        "briefings/pasted.yaml:11:13: warning: this line starts with '- ' inside the item "
        "above, so it is read as an item of its own (a list has one level); to say so, start "
        "it with '- ' directly under the '-' of the item above",
    ]
    text = pdf_pages_text(project.root / "out" / "pasted.pdf")[0].replace("\r", "")
    assert ("The review found:\n• poor information sharing\n• no escalation\n• First point\n"
            "• a point typed one level in") in text
