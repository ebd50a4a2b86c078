"""The name of a file's outputs, kept light: the up-to-date check of a build uses it
without importing the models (or pydantic)."""

from __future__ import annotations

import re
from pathlib import Path


def slug_of(path: Path) -> str:
    """``briefings/family-l.yaml`` → ``family-l``; packs drop ``.pack`` too."""
    name = path.name
    for suffix in (".yaml", ".yml"):
        name = name.removesuffix(suffix)
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name.removesuffix(".pack")) or "briefing"
