"""The models' validators are compiled by pydantic once and kept on disk
(model/compiled.py): what is read back validates exactly as pydantic does, and a
stale, corrupt, hostile or unwritable cache entry changes nothing but speed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import yaml

from briefpdf.model import compiled
from briefpdf.model.briefing import Briefing
from briefpdf.model.pack import Pack
from briefpdf.model.style import Style

CORPUS = Path(__file__).parent.parent / "hostile" / "corpus" / "briefings"
SAMPLES = Path(__file__).parent.parent.parent / "briefings"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder of this test's own, and no validator kept in memory."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFPDF_CACHE_DIR", str(folder))
    monkeypatch.setattr(compiled, "_validators", {})
    return folder


def entry(cache: Path, model: type) -> Path:
    return cache / "validators" / f"{model.__module__}.{model.__qualname__}.pickle"


def outcome(validator, data) -> object:
    """What validating ``data`` gives: the value, or each error's type, place and text."""
    try:
        return validator.validate_python(data)
    except Exception as exc:  # noqa: BLE001 - pydantic_core.ValidationError
        return [(e["type"], e["loc"], e["msg"]) for e in exc.errors(include_url=False)]


def documents() -> list:
    """Every sample and hostile briefing that YAML can read, as plain data."""
    found = []
    for file in sorted([*SAMPLES.glob("*.yaml"), *CORPUS.glob("*.yaml")]):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (yaml.YAMLError, ValueError):
            continue
        if isinstance(data, dict) and "pack" not in data:
            found.append(data)
    return found + [
        {"title": 3, "keywords": "a, b", "sections": [{"heading": "H", "links": [
            {"title": "x", "url": "javascript:alert(1)"}, {"title": "y", "url": "www.x.org"}]}]},
        {"title": "T", "sections": [], "feedback": {"email": "not an address"}},
        {"title": "T", "layout": "wide", "sections": [{"heading": "H", "content": [
            {"quote": "q", "by": ["list"]}, {"numbered": []}, {"image": "a.png"}]}]},
    ]


def test_the_stored_validator_agrees_with_pydantic(cache):
    first = compiled.validator(Briefing)  # compiled now, and stored
    assert entry(cache, Briefing).is_file()
    compiled._validators.clear()
    stored = compiled.validator(Briefing)  # read back from the cache
    assert stored is not first
    fresh = compiled.adapter(Briefing).validator  # pydantic's own, built here
    data = documents()
    assert len(data) > 20
    errors = 0
    for document in data:
        expected = outcome(fresh, document)
        assert outcome(stored, document) == expected
        errors += isinstance(expected, list)
    assert errors > 10  # the corpus exercises the failure paths, not just the happy one


def test_every_model_is_stored_and_read_back_without_compiling(cache, monkeypatch):
    for model in (Briefing, Style, Pack):
        compiled.validator(model)
        assert entry(cache, model).is_file()
    compiled._validators.clear()

    def no_compiling(model):
        raise AssertionError(f"{model.__name__} was compiled again")

    monkeypatch.setattr(compiled, "compile_schema", no_compiling)
    for model in (Briefing, Style, Pack):
        compiled.validator(model)


@pytest.mark.parametrize("damage", ["stale", "corrupt", "empty"])
def test_a_bad_entry_is_compiled_again(cache, damage):
    compiled.validator(Pack)
    stored = entry(cache, Pack)
    good = stored.read_bytes()
    if damage == "stale":  # e.g. written by another version of briefpdf
        _, schema = pickle.loads(good)
        stored.write_bytes(pickle.dumps(("another version", schema)))
    elif damage == "corrupt":
        stored.write_bytes(good[: len(good) // 2])
    else:
        stored.write_bytes(b"")
    compiled._validators.clear()
    assert outcome(compiled.validator(Pack), {"pack": {"title": "T"}}) == [
        ("missing", ("pack", "briefings"), "Field required")]
    assert pickle.loads(stored.read_bytes())[0] == compiled._key(Pack)  # mended


class _Payload:
    """What a planted cache entry could try: run a command when it is read."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_entry_runs_nothing(cache, tmp_path):
    marker = tmp_path / "ran"
    stored = entry(cache, Pack)
    stored.parent.mkdir(parents=True)
    stored.write_bytes(pickle.dumps((compiled._key(Pack), _Payload(marker))))
    validator = compiled.validator(Pack)
    assert not marker.exists()
    assert outcome(validator, {"pack": {"title": "T", "briefings": ["a"]}}).pack.title == "T"


def _text(value: str) -> bytes:
    data = value.encode()
    return b"\x8c" + bytes([len(data)]) + data  # SHORT_BINUNICODE


@pytest.mark.parametrize("name", ["Path.write_text", "Path"])
def test_a_planted_entry_cannot_reach_what_a_model_module_imports(cache, tmp_path, name):
    """A model module imports Path; a stored schema may still not name it (nor, through
    it, Path.write_text, which would write any file)."""
    marker = tmp_path / "written"
    write = b"\x80\x04" + _text("briefpdf.model.style") + _text(name) + b"\x93"
    path = _text("briefpdf.model.style") + _text("Path") + b"\x93" \
        + _text(str(marker)) + b"\x85R"  # Path(marker)
    payload = write + path + _text("planted") + b"\x86R."  # write(Path(marker), "planted")
    stored = entry(cache, Pack)
    stored.parent.mkdir(parents=True)
    stored.write_bytes(payload)
    validator = compiled.validator(Pack)
    assert not marker.exists()
    assert outcome(validator, {"pack": {"title": "T", "briefings": ["a"]}}).pack.title == "T"


def test_an_unwritable_cache_still_validates(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("BRIEFPDF_CACHE_DIR", str(blocker))
    monkeypatch.setattr(compiled, "_validators", {})
    briefing = compiled.validator(Briefing).validate_python(
        {"title": "T", "sections": [{"heading": "H", "content": ["text"]}]})
    assert briefing.sections[0].content == ["text"]
    assert blocker.read_text().startswith("a file")


def test_without_readable_model_sources_it_compiles_every_time(cache, monkeypatch):
    def unreadable(model):
        raise OSError("no source files in this install")

    monkeypatch.setattr(compiled, "_key", unreadable)
    validator = compiled.validator(Pack)
    assert outcome(validator, {"pack": {"title": "T", "briefings": ["a"]}}).pack.briefings == ["a"]
    assert not entry(cache, Pack).exists()
