"""What an empty feedback value means, said as a warning (docs/format.md, Feedback).

A key written with nothing after it (``email:``) is easy to leave behind when a style
gives the value; saying what happens keeps the rule (empty: the style's value is used;
``none``: nothing is printed) visible where it matters."""

from __future__ import annotations

from briefpdf.errors import Problem
from briefpdf.load.yaml_source import Source
from briefpdf.model.briefing import Feedback


def empty_feedback_warnings(source: Source, defaults: Feedback | None) -> list[Problem]:
    """A warning for each key of the briefing's feedback block written without a value."""
    feedback = source.data.get("feedback") if isinstance(source.data, dict) else None
    if not isinstance(feedback, dict):
        return []
    warnings = []
    for key, value in feedback.items():
        if value is not None or key not in Feedback.__dataclass_fields__:
            continue
        inherited = getattr(defaults, key, None) if defaults is not None else None
        if inherited and inherited.strip().lower() != "none":
            message = (f"'{key}' is empty, so the style's {key} ({inherited}) is printed; "
                       f"to leave it out write {key}: none")
        else:
            message = (f"'{key}' is empty, so nothing is printed for it; write a value or "
                       "remove this line")
        warnings.append(source.problem(("feedback", key), message, key=True,
                                       severity="warning"))
    return warnings
