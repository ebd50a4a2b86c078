"""The kept core schema (model/schemacache.py): it validates exactly as pydantic's own
validator, it is used when it matches, and a stale, damaged or planted entry is
generated again, never trusted and never an error."""

from __future__ import annotations

import copy
import pickle
import random
from pathlib import Path

import pytest
import yaml
from pydantic_core import SchemaValidator, ValidationError

from briefpdf.model import schemacache
from briefpdf.model.briefing import Briefing
from briefpdf.model.pack import Pack
from briefpdf.model.style import Style
from briefpdf.model.validate import adapter

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted({*ROOT.glob("briefings/*.yaml"), *ROOT.glob("styles/*.yaml"),
                 *ROOT.glob("tests/**/*.yaml")})
MODELS = (Briefing, Style, Pack)


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BRIEFPDF_CACHE_DIR", str(tmp_path))
    return tmp_path / "schemas"


def _generate(model: type, calls: list) -> object:
    def generate() -> dict:
        calls.append(model)
        return adapter(model).core_schema
    return generate


def _outcome(validator: SchemaValidator, data: object) -> object:
    try:
        return ("valid", validator.validate_python(data))
    except ValidationError as exc:
        return ("invalid", [{**error, "ctx": {k: repr(v) for k, v in error.get("ctx", {}).items()}}
                            for error in exc.errors(include_url=False)])
    except Exception as exc:  # noqa: BLE001 - a check function's own failure, compared too
        return ("raised", type(exc), str(exc))


def _variants(data: object, chance: random.Random, count: int = 6) -> list[object]:
    """``data`` and copies with a value somewhere replaced by a wrong or odd one."""
    odd = [None, 3, 2.5, True, "", "x" * 3, [], {}, ["a"], {"bullets": []}, "#GGG",
           "javascript:alert(1)", "12mm", "-5pt"]
    variants = [data]
    for _ in range(count):
        copied = copy.deepcopy(data)
        node, path = copied, []
        while isinstance(node, (dict, list)) and node and chance.random() < 0.8:
            key = chance.choice(list(node)) if isinstance(node, dict) \
                else chance.randrange(len(node))
            path.append((node, key))
            node = node[key]
        if isinstance(node, dict) and chance.random() < 0.3:
            node["an_unknown_key"] = "a value"
        elif path:
            parent, key = path[-1]
            parent[key] = chance.choice(odd)
        variants.append(copied)
    return variants


def test_the_kept_schema_validates_every_corpus_file_as_pydantic_does(cache) -> None:
    chance = random.Random(7)
    calls: list = []
    kept = {m: SchemaValidator(schemacache.kept_schema(m, _generate(m, calls))) for m in MODELS}
    again = {m: schemacache.kept_schema(m, _generate(m, calls)) for m in MODELS}
    assert calls == list(MODELS)  # generated once each, then read back from the cache
    assert all(isinstance(schema, dict) for schema in again.values())
    compared = 0
    for path in CORPUS:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        for variant in _variants(data, chance):
            for model in MODELS:
                fresh = _outcome(adapter(model).validator, variant)
                assert _outcome(kept[model], variant) == fresh, (path, model.__name__)
                compared += 1
    assert compared > 500


def test_a_kept_schema_is_used_only_for_the_same_model_sources(cache, monkeypatch) -> None:
    calls: list = []
    schemacache.kept_schema(Briefing, _generate(Briefing, calls))
    schemacache.kept_schema(Briefing, _generate(Briefing, calls))
    assert calls == [Briefing]
    monkeypatch.setattr(schemacache, "_key", lambda: "another version of the models")
    schemacache.kept_schema(Briefing, _generate(Briefing, calls))
    assert calls == [Briefing, Briefing]


def test_the_key_follows_the_text_of_every_model_module(tmp_path, monkeypatch) -> None:
    models = tmp_path / "model"
    models.mkdir()
    (models / "briefing.py").write_text("x = 1\n")
    monkeypatch.setattr(schemacache, "MODELS", models)
    schemacache._key.cache_clear()
    try:
        first = schemacache._key()
        (models / "rules.py").write_text("y = 2\n")
        schemacache._key.cache_clear()
        assert schemacache._key() != first
    finally:
        schemacache._key.cache_clear()


@pytest.mark.parametrize("damage", ["empty", "garbage", "truncated", "not-a-dict"])
def test_a_damaged_entry_is_generated_again(cache, damage) -> None:
    calls: list = []
    schemacache.kept_schema(Style, _generate(Style, calls))
    entry = next(cache.iterdir())
    stored = entry.read_bytes()
    entry.write_bytes({"empty": b"", "garbage": b"\x80\x05not a pickle",
                       "truncated": stored[: len(stored) // 2],
                       "not-a-dict": pickle.dumps((schemacache._key(), ["a list"]))}[damage])
    schema = schemacache.kept_schema(Style, _generate(Style, calls))
    assert calls == [Style, Style]
    with pytest.raises(ValidationError, match="colours"):
        SchemaValidator(schema).validate_python({"colours": "red"})


class _Planted:
    """Pickles as a call of ``exec`` that would write ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (exec, (f"open({str(self.marker)!r}, 'w').close()",))


def test_a_planted_entry_runs_nothing(cache, tmp_path) -> None:
    calls: list = []
    schemacache.kept_schema(Briefing, _generate(Briefing, calls))
    entry = next(cache.iterdir())
    marker = tmp_path / "planted-code-ran"
    entry.write_bytes(pickle.dumps((schemacache._key(), {"type": _Planted(marker)})))
    schemacache.kept_schema(Briefing, _generate(Briefing, calls))
    assert not marker.exists()
    assert calls == [Briefing, Briefing]  # refused, so generated again and kept anew
    schemacache.kept_schema(Briefing, _generate(Briefing, calls))
    assert calls == [Briefing, Briefing]


def test_an_unwritable_cache_only_costs_the_generating(tmp_path, monkeypatch) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("BRIEFPDF_CACHE_DIR", str(blocked))
    calls: list = []
    for _ in range(2):
        SchemaValidator(schemacache.kept_schema(Briefing, _generate(Briefing, calls)))
    assert calls == [Briefing, Briefing]


def test_the_key_follows_the_pydantic_release(tmp_path, monkeypatch) -> None:
    """pydantic generates the schemas, so another release of it means another key (its
    version.py is read: importing pydantic is what a kept schema saves)."""
    from types import SimpleNamespace

    (tmp_path / "pydantic").mkdir()
    version = tmp_path / "pydantic" / "version.py"
    version.write_text("VERSION = '2.10.0'\n")
    fake = SimpleNamespace(origin=str(tmp_path / "pydantic" / "__init__.py"))
    monkeypatch.setattr(schemacache.importlib.util, "find_spec", lambda name: fake)
    schemacache._key.cache_clear()
    try:
        first = schemacache._key()
        version.write_text("VERSION = '2.10.1'\n")
        schemacache._key.cache_clear()
        assert first is not None and schemacache._key() != first
        monkeypatch.setattr(schemacache.importlib.util, "find_spec", lambda name: None)
        schemacache._key.cache_clear()
        assert schemacache._key() is None  # nothing to key on: nothing is kept
    finally:
        schemacache._key.cache_clear()
