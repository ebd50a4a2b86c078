"""The neutral blocks → the data of a briefing file (title, kind, sections, links,
feedback), with a record of what was recognised and what could not be placed.

The same rules serve .docx, .md and .txt: a reader only says what each piece is in its
format's terms (a heading, a list item, a quote); this module decides what it is in a
briefing's terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefpdf.importer.blocks import CONTACT_LINE, Block, Note, Read, is_all_caps, shown
from briefpdf.importer.casing import learn_words, sentence_case, title_case
from briefpdf.importer.inline import to_markdown
from briefpdf.model.inline import (
    Span,
    links_in,
    normalise_url,
    parse_inline,
    plain_text,
    url_problem,
)
from briefpdf.model.rules import MAX_TEXT

KIND_PATTERNS = (
    ("CPIR", r"child protection incident review|\bCPIR\b"),
    ("CSPR", r"child safeguarding practice review|\bCSPR\b"),
    ("SCR", r"serious case review|\bSCR\b"),
    ("SAR", r"safeguarding adults? review|\bSAR\b"),
    ("DHR", r"domestic homicide review|\bDHR\b"),
    ("7-minute", r"\b(7|seven)[ -]minute"),
)
"""The kind of review, recognised in the title (the first that matches)."""

MAX_TITLE = 200
MAX_SUBTITLE = 300
"""The longest title and subtitle a briefing may have (model/briefing.py)."""
_DASH = re.compile(r"\s+[–—-]\s+")
_CONTACT = CONTACT_LINE
_CONTACT_KEYS = {"email": "email", "e-mail": "email", "twitter": "twitter", "x": "twitter",
                 "website": "website", "web site": "website", "website ": "website",
                 "web": "website", "phone": "phone", "tel": "phone", "telephone": "phone",
                 "survey": "survey", "feedback form": "survey"}
FEEDBACK_ORDER = ("heading", "text", "email", "twitter", "website", "survey", "phone",
                  "closing")
MAX_LINK_TITLE_WORDS = 15


@dataclass
class Comment:
    """Text that could not be placed, kept in the file as YAML comment lines."""

    lines: list[str]


@dataclass
class Imported:
    """A briefing's data (with Comment markers in content lists), its images, and the
    record of the import."""

    data: dict
    images: list[tuple[str, bytes]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    recognised: dict = field(default_factory=dict)


def assemble(read: Read, slug: str, style: str | None = None) -> Imported:
    """Decide what every block is in a briefing, in source order."""
    return _Assembler(read, slug, style).run()


class _Assembler:
    def __init__(self, read: Read, slug: str, style: str | None):
        self.notes = read.notes
        self.blocks = _fitted(_joined_broken_paragraphs(read.blocks, self.notes), self.notes)
        self.slug = slug
        self.style = style
        body = [b.text for b in self.blocks if b.kind in ("para", "item", "quote", "callout")
                and not is_all_caps(plain_text(b.text))]
        self.acronyms, self.names = learn_words([plain_text(t) for t in body])
        self.sections: list[dict] = []
        self.feedback: dict[str, str] = {}
        self.feedback_rest: list[str] = []
        self.images: list[tuple[str, bytes]] = []
        self.pending: list = []  # content before the first heading
        self.count = {"lists": 0, "items": 0, "links": 0, "images": 0, "callouts": 0,
                      "quotes": 0, "paragraphs": 0}

    # ---- the whole document -------------------------------------------------------
    def run(self) -> Imported:
        data: dict = {}
        blocks = list(self.blocks)
        title, subtitle = self._title(blocks)
        if not title:
            title = self.slug.replace("-", " ").capitalize()
            self.notes.append(Note("start", f"no title found; used the file name: {title}"))
        data["title"] = title
        if subtitle:
            data["subtitle"] = subtitle
        kind = next((k for k, pattern in KIND_PATTERNS
                     if re.search(pattern, f"{title} {subtitle or ''}", re.IGNORECASE)), None)
        if kind:
            data["kind"] = kind
        if self.style:
            data["style"] = self.style
        current: dict | None = None
        in_feedback = False
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.kind == "heading" and not plain_text(block.text).strip():
                block = Block("para", block.text, block.where)
            if block.kind == "heading":
                heading = self._heading(block.text)
                in_feedback = "feedback" in heading.lower()
                if in_feedback:
                    self.feedback.setdefault("heading", heading)
                    current = None
                else:
                    current = {"heading": heading, "content": []}
                    self.sections.append(current)
                index += 1
                continue
            target = self.pending if current is None and not in_feedback else (
                None if in_feedback else current["content"])
            index = self._place(blocks, index, target, in_feedback)
        self._finish_pending(data)
        data["sections"] = [self._tidy(s) for s in self.sections]
        feedback = self._feedback()
        if feedback:
            data["feedback"] = feedback
        recognised = {"title": title, "subtitle": subtitle, "kind": kind,
                      "summary": data.get("summary"),
                      "sections": [s["heading"] for s in data["sections"]],
                      **self.count, "feedback": [k for k in feedback if k in
                                                 ("email", "twitter", "website", "survey",
                                                  "phone")]}
        return Imported(data, self.images, self.notes, recognised)

    def _title(self, blocks: list[Block]) -> tuple[str, str | None]:
        """Title and subtitle: Word's Title/Subtitle styles, else the first line, split
        at a dash (``… BRIEFING – FAMILY L``)."""
        title = subtitle = None
        for block in list(blocks[:3]):
            if block.kind == "title" and title is None:
                title = block.text
                blocks.remove(block)
            elif block.kind == "subtitle" and subtitle is None:
                subtitle = block.text
                blocks.remove(block)
        if title is None and blocks and blocks[0].kind in ("heading", "para") and len(
                plain_text(blocks[0].text)) <= MAX_TITLE:
            title = blocks.pop(0).text
        if title is None:
            return "", None
        title = plain_text(title).strip()
        if subtitle is None:
            parts = _DASH.split(title, maxsplit=1)
            if len(parts) == 2 and parts[0] and parts[1]:
                title, subtitle = parts
        title = title_case(title, self.acronyms, self.names)
        if subtitle is not None:
            subtitle = title_case(plain_text(subtitle).strip(), self.acronyms, self.names)
        title = self._cut("title", title, MAX_TITLE)
        if subtitle is not None:
            subtitle = self._cut("subtitle", subtitle, MAX_SUBTITLE)
        return title, subtitle or None

    def _cut(self, field: str, text: str, limit: int) -> str:
        """``text`` (the title or subtitle) cut at a word to fit ``limit``, when it is
        longer, and then kept whole before the first heading (as the summary)."""
        if len(text) <= limit:
            return text
        self.notes.append(Note(field, f"the {field} is over {limit} characters; it was "
                                      "cut, and kept whole before the first heading"))
        self.pending.append(text)
        return text[:limit - 1].rsplit(" ", 1)[0] + "…"

    def _heading(self, text: str) -> str:
        return sentence_case(plain_text(text).strip(), self.acronyms, self.names)

    # ---- one block ----------------------------------------------------------------
    def _place(self, blocks: list[Block], index: int, content: list | None,
               in_feedback: bool) -> int:
        """Place blocks[index] (and any that belong with it); return the next index."""
        block = blocks[index]
        if block.kind in ("para", "item") and self._contact(block, in_feedback):
            return index + 1
        if in_feedback:
            self._feedback_text(block)
            return index + 1
        assert content is not None
        if block.kind in ("para", "item") and _link_entry(block.text):
            return self._links(blocks, index, content)
        if block.kind == "item":
            # the first item always belongs here (even a contact line the model refused,
            # kept as text), so the list is never empty and the loop always moves on
            end = index + 1
            items = [block.text]
            while (end < len(blocks) and blocks[end].kind == "item"
                   and blocks[end].ordered == block.ordered
                   and not _link_entry(blocks[end].text)
                   and not _CONTACT.match(plain_text(blocks[end].text))):
                items.append(blocks[end].text)
                end += 1
            content.append({"numbered" if block.ordered else "bullets": items})
            self.count["lists"] += 1
            self.count["items"] += len(items)
            self.count["links"] += sum(len(links_in(t)) for t in items)
            return end
        if block.kind == "para":
            content.append(block.text)
            self.count["paragraphs"] += 1
            self.count["links"] += len(links_in(block.text))
        elif block.kind == "callout":
            content.append({"callout": block.text, **({"title": block.title}
                                                      if block.title else {})})
            self.count["callouts"] += 1
        elif block.kind == "quote":
            content.append({"quote": block.text, **({"by": block.title} if block.title else {})})
            self.count["quotes"] += 1
        elif block.kind == "image":
            content.append(self._image(block))
        elif block.kind == "unplaced":
            content.append(Comment([f"Not placed ({block.what}, {block.where}):",
                                    *block.text.splitlines()]))
            self.notes.append(Note(block.where, f"{block.what} was not placed; its text is "
                                                "kept as a comment in the YAML file"))
        elif block.kind in ("title", "subtitle"):
            content.append(block.text)  # a second Title-styled line: keep it as text
        return index + 1

    def _links(self, blocks: list[Block], index: int, content: list) -> int:
        """A run of paragraphs or items that are each essentially one link → a link list;
        a plain paragraph right after a link paragraph is its note."""
        links: list[dict] = []
        while index < len(blocks) and blocks[index].kind in ("para", "item"):
            entry = _link_entry(blocks[index].text)
            if not entry:
                break
            link = {"title": entry[0], "url": entry[1]}
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            index += 1
            if (blocks[index - 1].kind == "para" and following is not None
                    and following.kind == "para" and not links_in(following.text)
                    and not _link_entry(following.text) and len(following.text) <= 300
                    and not _CONTACT.match(plain_text(following.text))):
                link["note"] = following.text
                index += 1
            links.append(link)
        content.append({"links": links})
        self.count["links"] += len(links)
        return index

    def _image(self, block: Block) -> dict:
        self.count["images"] += 1
        path = f"assets/{self.slug}-{self.count['images']}.{block.ext}"
        self.images.append((path, block.image))
        width = {"width": block.width} if block.width else {}
        if block.alt.strip():
            return {"image": path, "alt": " ".join(block.alt.split()), **width}
        self.notes.append(Note(block.where, f"the image saved as {path} has no alt text in "
                                            "the source; it is marked decorative: write alt: "
                                            "with what it shows if it carries meaning"))
        return {"image": path, "decorative": True, **width}

    # ---- feedback -----------------------------------------------------------------
    def _contact(self, block: Block, in_feedback: bool) -> bool:
        """``Email: …``, ``Twitter: …``: a feedback contact, wherever it is listed."""
        plain = plain_text(block.text).strip()
        match = _CONTACT.match(plain)
        if not match:
            return False
        key = _CONTACT_KEYS[" ".join(match.group("label").lower().split())]
        value = match.group("value").strip().rstrip(".")
        links = links_in(block.text)
        if key in ("website", "survey"):
            value = links[0] if links else normalise_url(value)
        elif key == "email":
            value = value.removeprefix("mailto:")
        elif key == "twitter":
            value = value if value.startswith("@") or "/" in value else "@" + value
        if not _valid_contact(key, value):
            return False
        if key in self.feedback:
            return False
        self.feedback[key] = value
        if not in_feedback:
            self.notes.append(Note(block.where, f"{match.group('label')}: moved into the "
                                                "feedback block"))
        return True

    def _feedback_text(self, block: Block) -> None:
        if block.kind == "para" and "text" not in self.feedback and not self.feedback_rest \
                and not any(k in self.feedback for k in ("email", "twitter", "website")):
            self.feedback["text"] = block.text
        elif block.kind in ("para", "item", "quote", "callout"):
            self.feedback_rest.append(block.text)
        else:
            self.notes.append(Note(block.where, f"{block.kind} in the feedback part was not "
                                                "placed"))

    def _feedback(self) -> dict:
        feedback = dict(self.feedback)
        if self.feedback_rest:
            closing = " ".join(self.feedback_rest)
            if len(closing) > MAX_TEXT:
                closing = _pieces(closing, MAX_TEXT)[0]
                self.notes.append(Note("feedback", f"the closing words were cut to "
                                                   f"{len(closing):,} characters"))
            feedback["closing"] = closing
        return {key: feedback[key] for key in FEEDBACK_ORDER if feedback.get(key)}

    # ---- before the first heading, and tidying --------------------------------------
    def _finish_pending(self, data: dict) -> None:
        """Text before the first heading: one short paragraph is the summary; more is a
        first section (a briefing needs at least one)."""
        texts = [c for c in self.pending if isinstance(c, str)]
        if len(self.pending) == 1 and texts and len(texts[0]) <= 600 and self.sections:
            data["summary"] = texts[0]
            return
        if self.pending:
            if all(isinstance(c, Comment) for c in self.pending) and self.sections:
                self.sections[0]["content"][:0] = self.pending
                return
            self.sections.insert(0, {"heading": "Introduction", "content": self.pending})
            self.notes.append(Note("start", "the text before the first heading was put "
                                            "under a heading 'Introduction'; rename it"))
        if not self.sections:
            self.sections.append({"heading": data["title"], "content": []})

    @staticmethod
    def _tidy(section: dict) -> dict:
        """A link list that ends a section is written as the section's ``links:``."""
        content = section["content"]
        out = {"heading": section["heading"]}
        if content and isinstance(content[-1], dict) and "links" in content[-1]:
            out["links"] = content.pop()["links"]
        if content:
            out = {"heading": section["heading"], "content": content, **(
                {"links": out["links"]} if "links" in out else {})}
        return out


def _valid_contact(key: str, value: str) -> bool:
    """The model's own checks (model/rules.py), so a contact kept always validates; one
    that would not stays in the text instead."""
    from briefpdf.model import rules

    if key in ("website", "survey"):
        return re.match(r"https?://", value) is not None and url_problem(value) is None \
            and len(value) <= rules.MAX_URL
    limits = {"email": 254, "twitter": 50, "phone": 40}
    check = {"email": rules.email, "phone": rules.phone}.get(key)
    try:
        if check is not None:
            check(value)
    except ValueError:
        return False
    spaced = key == "twitter" and any(char.isspace() for char in value)
    return 0 < len(value) <= limits[key] and value.lower() != "none" and not spaced


def _link_entry(text: str) -> tuple[str, str] | None:
    """(title, url) when a text is essentially one link: a link and nothing else
    (``[Title](url)``), or a short title followed by an address (``Title: <url>``,
    ``Title – https://…``)."""
    spans = parse_inline(text.strip())
    while spans and not spans[-1].href and not spans[-1].text.strip(" .;"):
        spans.pop()
    if not spans or not spans[-1].href:
        return None
    url = spans[-1].href
    before = spans[:-1]
    while before and before[-1].href == url:
        before.pop()
    shown_text = "".join(s.text for s in spans[len(before):]).strip()
    if any(span.href for span in before):
        return None
    title = "".join(span.text for span in before).strip().rstrip(":–—-").strip()
    if not title:
        return (shown_text or url), url
    named = shown_text not in (url, url.split(":", 1)[1].lstrip("/"))
    if named or len(title.split()) > MAX_LINK_TITLE_WORDS or re.search(r"[.!?]\s", title):
        return None
    return title, url


def _fitted(blocks: list[Block], notes: list[Note]) -> list[Block]:
    """Every block's text fits a briefing: links a briefing may not hold (``file:``,
    ``javascript:``…) lose their address but keep their words, and a text over the
    limit of one field is split into paragraphs (or items) at sentence ends."""
    out: list[Block] = []
    for block in blocks:
        for part in ("text", "title"):  # (a title: a callout’s, or a quote’s author)
            value = getattr(block, part)
            bad = [h for h in links_in(value) if url_problem(h)]
            if bad:
                spans = [Span(s.text, s.bold, s.italic, None if s.href in bad else s.href)
                         for s in parse_inline(value)]
                setattr(block, part, to_markdown(spans)[0])
                notes.append(Note(block.where, f"the link to {bad[0][:80]} is not allowed in "
                                               "a briefing (only web, email and phone "
                                               "addresses); its words are kept without it"))
        if len(block.text) <= MAX_TEXT or block.kind in ("image", "unplaced"):
            out.append(block)
            continue
        kind = "item" if block.kind == "item" else "para"
        notes.append(Note(block.where, f"a text of {len(block.text):,} characters was split "
                                       f"into several (one may hold {MAX_TEXT:,})"))
        for piece in _pieces(block.text, MAX_TEXT):
            out.append(Block(kind, piece, block.where, ordered=block.ordered))
    return out


def _pieces(text: str, limit: int) -> list[str]:
    """``text`` cut at sentence ends (else at spaces, else anywhere) into pieces of at
    most ``limit`` characters."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max((m.end() for m in re.finditer(r"[.!?]\s", text[:limit])), default=0) \
            or text.rfind(" ", 0, limit) + 1 or limit
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return [p for p in [*pieces, text] if p]


def _joined_broken_paragraphs(blocks: list[Block], notes: list[Note]) -> list[Block]:
    """A paragraph that stops mid-sentence and one that goes on in lower case are one
    paragraph broken by a stray blank line (common in text pasted out of a PDF)."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and previous.kind == "para" and block.kind == "para"
                and re.search(r"[\w,]$", previous.text) and re.match(r"[a-z]", block.text)):
            notes.append(Note(block.where, f"{shown(block.text, 30)} was joined to the "
                                           "paragraph before it, which stopped mid-sentence"))
            out[-1] = Block("para", f"{previous.text} {block.text}", previous.where)
            continue
        out.append(block)
    return out
