"""The HTML of the home page and the editing page.

Every value that comes from a file (titles, dates, names, the YAML itself) goes through
``html.escape``; the pages' scripts put later values in with ``textContent``, never as
HTML. The pages load only this server's own scripts and styles (see the
Content-Security-Policy in server.py), so they work with no internet.
"""

from __future__ import annotations

from html import escape
from typing import Any

STATUS_LABELS = {"ok": "Ready", "warnings": "Warnings", "errors": "Errors"}


def _layout(title: str, token: str, body: str, *, scripts: tuple[str, ...] = (),
            styles: tuple[str, ...] = (), wide: bool = False) -> str:
    links = "".join(f'<link rel="stylesheet" href="/static/{escape(s)}">' for s in styles)
    tags = "".join(f'<script src="/static/{escape(s)}" defer></script>' for s in scripts)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="briefpdf-token" content="{escape(token)}">
<link rel="icon" href="data:,">
<title>{escape(title)} · briefpdf</title>
{links}<link rel="stylesheet" href="/static/app.css">
{tags}
</head>
<body class="{'wide' if wide else ''}">
<a class="skip" href="#main">Skip to content</a>
<header class="topbar">
  <a class="brand" href="/">briefpdf</a>
  <span class="topbar-note">Your briefings, on this computer only</span>
</header>
{body}
</body>
</html>
"""


def home_page(token: str, project: str, rows: list[dict[str, Any]],
              import_available: bool) -> str:
    """The list of briefings and packs, newest first, with the three actions."""
    items = "".join(_home_row(row) for row in rows) or (
        '<tr><td colspan="5" class="empty">No briefings yet: start one with '
        '<strong>New briefing</strong>.</td></tr>')
    note = "" if import_available else (
        '<p class="hint" id="import-note">Importing needs the <code>briefpdf import</code> '
        'command, which this version of briefpdf does not have yet.</p>')
    body = f"""<main id="main" class="home">
<div class="home-head">
  <div>
    <h1>Briefings</h1>
    <p class="project">in <code>{escape(project)}</code></p>
  </div>
  <div class="actions">
    <button type="button" class="button primary" id="new-open">New briefing</button>
    <label class="button" for="import-file">Import a file…</label>
    <input type="file" id="import-file" class="visually-hidden"
           accept=".docx,.md,.markdown,.txt">
    <button type="button" class="button" id="build-all">Build all</button>
  </div>
</div>
<form id="new-form" class="panel" hidden>
  <label for="new-slug">Name of the new briefing file</label>
  <p class="hint" id="new-hint">Letters, digits and dashes, for example
    <code>family-m</code>. It is saved as <code>briefings/family-m.yaml</code>.</p>
  <div class="row">
    <input id="new-slug" name="slug" required pattern="[A-Za-z0-9][A-Za-z0-9._-]*"
           aria-describedby="new-hint" autocomplete="off">
    <button type="submit" class="button primary">Create</button>
    <button type="button" class="button" id="new-cancel">Cancel</button>
  </div>
</form>
{note}
<p id="message" class="message" role="status" aria-live="polite"></p>
<table class="files">
  <caption class="visually-hidden">Briefings and packs, newest first</caption>
  <thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Date</th>
  <th scope="col">Status</th><th scope="col">File</th></tr></thead>
  <tbody>{items}</tbody>
</table>
</main>"""
    return _layout("Briefings", token, body, scripts=("home.js",))


def _home_row(row: dict[str, Any]) -> str:
    href = f"/edit/{escape(row['name'])}"
    status = row["status"]
    label = STATUS_LABELS.get(status, status)
    if row["problems"] and status != "ok":
        label += f" ({row['problems']})"
    return (f'<tr><td><a href="{href}">{escape(row["title"])}</a></td>'
            f'<td><span class="kind">{escape(row["kind"])}</span></td>'
            f'<td>{escape(row["date"]) or "—"}</td>'
            f'<td><span class="status status-{escape(status)}">{escape(label)}</span></td>'
            f'<td><code>{escape(row["name"])}</code></td></tr>')


def edit_page(token: str, name: str, text: str, styles: list[str], title: str,
              pack: bool = False) -> str:
    """The editor beside the preview. The text is in the textarea that the editor
    replaces, so the page shows it even before the script runs."""
    options = "".join(f'<option value="{escape(s)}">{escape(s)}</option>' for s in styles)
    quoted = escape(name)
    twin = (f'<a class="button" id="download-html" href="/download/{quoted}?as=html" '
            'download>Download web page</a>')
    body = f"""<main id="main" class="edit" data-name="{quoted}">
<div class="edit-head">
  <div class="crumbs"><a href="/">Briefings</a> <span aria-hidden="true">›</span>
    <h1>{escape(title)}</h1> <code class="file">{quoted}</code></div>
  <div class="actions">
    <span id="save-state" class="save-state" role="status" aria-live="polite"></span>
    <button type="button" class="button primary" id="save"
            title="Save (Ctrl+S)">Save</button>
    <a class="button" id="download-pdf" href="/download/{quoted}?as=pdf"
       download>Download PDF</a>
    {"" if pack else twin}
  </div>
</div>
<div class="panes">
  <section class="pane source" aria-labelledby="source-heading">
    <h2 id="source-heading" class="visually-hidden">Briefing text</h2>
    <label for="source" class="visually-hidden">Briefing text (YAML)</label>
    <p class="hint editor-hint">Tab indents by two spaces; Esc moves on to the preview;
      Ctrl+S saves.</p>
    <textarea id="source" spellcheck="false">{escape(text)}</textarea>
    <section class="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Problems</h2>
      <p id="problems-none" class="hint">No problems found.</p>
      <ul id="problems" class="problem-list"></ul>
    </section>
  </section>
  <section class="pane preview" aria-labelledby="preview-heading">
    <div class="preview-bar">
      <h2 id="preview-heading">Printed pages</h2>
      <label for="style-picker">Preview in style</label>
      <select id="style-picker"><option value="">the file's own</option>{options}</select>
      <label class="check"><input type="checkbox" id="grayscale"> Grayscale</label>
    </div>
    <p id="preview-note" class="preview-note" role="status" aria-live="polite"></p>
    <div id="pages" class="pages"></div>
  </section>
</div>
</main>"""
    return _layout(title, token, body, wide=True,
                   styles=("codemirror/codemirror.css",),
                   scripts=("codemirror/codemirror.js", "codemirror/yaml.js", "edit.js"))


def error_page(token: str, status: int, message: str) -> str:
    body = (f'<main id="main" class="home"><h1>{status}</h1><p>{escape(message)}</p>'
            '<p><a href="/">Back to the briefings</a></p></main>')
    return _layout(str(status), token, body)
