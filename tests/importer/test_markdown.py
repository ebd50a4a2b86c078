"""A Markdown briefing imports and builds with its text, lists, quote, picture and links;
what Markdown has and a briefing does not (tables, code) is kept as comments."""

from __future__ import annotations

import yaml
from docx_maker import png

from conftest import pdf_links, pdf_text

MARKDOWN = """\
# Seven minute briefing: hoarding

A short guide for practitioners.

## Why it matters

Hoarding is *often* linked to **self-neglect**; see [the policy](https://example.org/policy).
Snake_case_words and 5 * 3 stay as typed.

**WHAT TO DO**

- Talk to the person
- Record what you see
  over two lines

1. Agree a plan
2. Review it

> Nobody ever asked him why.
>
> — Mr A’s sister

![Clutter rating scale](scale.png)

![A remote picture](https://example.org/remote.png)

| Agency | Role |
| --- | --- |
| Fire service | Safe and well visit |

```
code is kept as a comment
```

## Guidance

- Hoarding policy: <https://example.org/hoarding.pdf>
- [Fire safety checks](https://example.org/fire)

## Feedback

Tell us what you think:

- Email: team@example.org
- Website: www.example.org/contact
"""


def test_markdown_briefing(project):
    project.write("hoarding.md", MARKDOWN)
    project.write("scale.png", png())
    result = project.run("import", "hoarding.md")
    assert result.code == 0, result.err
    data = yaml.safe_load((project.root / "briefings" / "hoarding.yaml").read_text("utf-8"))
    assert data["title"] == "Seven minute briefing: hoarding"
    assert data["kind"] == "7-minute"
    assert data["summary"] == "A short guide for practitioners."
    assert [s["heading"] for s in data["sections"]] == ["Why it matters", "What to do",
                                                      "Guidance"]
    first = data["sections"][0]["content"][0]
    assert first.startswith("Hoarding is *often* linked to **self-neglect**; see "
                            "[the policy](https://example.org/policy). Snake_case_words")
    content = data["sections"][1]["content"]
    assert content[0] == {"bullets": ["Talk to the person", "Record what you see over two "
                                      "lines"]}
    assert content[1] == {"numbered": ["Agree a plan", "Review it"]}
    assert content[2] == {"quote": "Nobody ever asked him why.", "by": "Mr A’s sister"}
    assert content[3] == {"image": "assets/hoarding-1.png", "alt": "Clutter rating scale"}
    assert data["sections"][2]["links"] == [
        {"title": "Hoarding policy", "url": "https://example.org/hoarding.pdf"},
        {"title": "Fire safety checks", "url": "https://example.org/fire"}]
    assert data["feedback"] == {"heading": "Feedback", "text": "Tell us what you think:",
                                "email": "team@example.org",
                                "website": "https://www.example.org/contact"}
    text = (project.root / "briefings" / "hoarding.yaml").read_text("utf-8")
    assert "# Fire service | Safe and well visit" in text
    assert "# code is kept as a comment" in text
    assert "https://example.org/remote.png is not in a file beside the document" in result.out

    pdf = project.build("hoarding")
    printed = pdf_text(pdf)
    for words in ("Hoarding is often linked to self-neglect; see the policy.",
                  "Snake_case_words and 5 * 3 stay as typed.",
                  "Record what you see over two lines", "Nobody ever asked him why."):
        assert words in printed
    uris = {uri for _, uri, _ in pdf_links(pdf)}
    assert {"https://example.org/policy", "https://example.org/hoarding.pdf",
            "https://example.org/fire", "mailto:team@example.org"} <= uris
