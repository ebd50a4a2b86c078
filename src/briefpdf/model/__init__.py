"""Stage 2, model: validated, typed briefings, styles and packs (pydantic)."""
