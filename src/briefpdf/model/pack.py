"""The pack model: several briefings bound into one printable document."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from briefpdf.model.briefing import Strict
from briefpdf.model.types import RequiredText, Text


class PackSpec(Strict):
    title: RequiredText
    subtitle: Text | None = None
    style: str | None = None
    briefings: list[str] = Field(min_length=1, description="Slugs in briefings/ or paths")
    intro: Text | None = None
    contents: bool = True
    duplex: bool = True
    layout: Literal["a4", "booklet", "2up"] = "a4"


class Pack(Strict):
    """A pack file: its top-level key is ``pack``."""

    pack: PackSpec
