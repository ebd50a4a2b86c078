"""`briefpdf styles` lists the project's styles and the built-in ones, one line each."""

from style_helpers import with_shipped_styles


def test_lists_project_and_built_in_styles(project):
    with_shipped_styles(project)
    project.write("styles/plain.yaml", "name: Plain board\nextends: bscb\n")
    result = project.run("styles")
    assert result.code == 0, result.err
    lines = {line.split()[0]: line for line in result.out.splitlines()}
    assert set(lines) == {"bscb", "partnership", "plain", "default"}
    assert "Deep purple and magenta" in lines["bscb"] and "[styles/bscb.yaml]" in lines["bscb"]
    assert "council, police and NHS trust logos" in lines["partnership"]
    assert "Plain board (extends bscb)" in lines["plain"]
    assert "[built-in]" in lines["default"]


def test_a_project_style_shadows_a_built_in_one(project):
    project.write("styles/default.yaml", "name: Our default\ndescription: House look\n")
    result = project.run("styles")
    assert result.out.strip().splitlines() == [
        "default  House look  [styles/default.yaml]"]
