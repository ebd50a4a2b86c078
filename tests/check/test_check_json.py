"""`briefpdf check --json`: the documented shape (docs/check.md)."""

from __future__ import annotations

from check_helpers import check_json

from conftest import MINIMAL

FINDING_KEYS = {"file", "line", "column", "kind", "rule", "severity", "text", "message"}


def test_json_shape(project):
    project.briefing("ok", MINIMAL)
    project.briefing("broken", "title: [\n")
    code, report = check_json(cwd=project.root)
    assert set(report) == {"version", "measure", "strict", "passed", "counts", "files",
                           "problems"}
    assert report["version"] == 1 and report["strict"] is False
    assert set(report["counts"]) == {"personal-data", "plain-english", "accessibility"}
    assert [f["file"] for f in report["files"]] == ["briefings/ok.yaml"]
    file = report["files"][0]
    assert set(file) == {"file", "counts", "allowed", "reading_ages", "summary", "findings"}
    assert file["summary"].startswith("briefings/ok.yaml: 0 personal data")
    for finding in file["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["severity"] in ("warning", "note")
    problem = report["problems"][0]
    assert problem["file"] == "briefings/broken.yaml" and problem["line"] >= 1
    assert code == 1 and report["passed"] is False  # a file that does not load fails


def test_no_briefings_is_a_usage_error(project):
    result = project.run("check")
    assert result.code == 2 and "no briefings found" in result.err
