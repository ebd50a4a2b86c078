"""What every model is: an immutable record that refuses unknown keys."""

from __future__ import annotations

from dataclasses import dataclass

record = dataclass(frozen=True, kw_only=True)
"""Every model is an immutable stdlib dataclass whose fields are named when it is made;
pydantic validates it (model/validate.py) from its annotations (model/types.py)."""


class Strict:
    """Unknown keys are errors (with a did-you-mean hint, see validate.py)."""

    __pydantic_config__ = {"extra": "forbid"}
