"""Stage 2, model: validated, typed briefings, styles and packs (pydantic)."""

from __future__ import annotations

import sys
import types


def _without_pydantic_plugins() -> None:
    """Tell pydantic there are no plugins, before it first looks for them.

    pydantic looks for plugins (the ``pydantic`` entry-point group) when it builds its first
    validator, importing ``importlib.metadata`` and reading every installed package's
    metadata: a fifth of the time `briefpdf validate` takes. briefpdf uses no pydantic
    plugin (it is a command-line tool, not a service to observe), so the loader module is
    replaced by one that reports none (pydantic's documented switch, the environment
    variable PYDANTIC_DISABLE_PLUGINS, skips the search but not that import)."""
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    loader = types.ModuleType(name, "briefpdf: pydantic plugins are not used")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = loader


_without_pydantic_plugins()
