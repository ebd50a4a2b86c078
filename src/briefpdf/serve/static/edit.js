// briefpdf serve, the editing page: CodeMirror on the left, the printed pages on the
// right. The server sends an event whenever the file's view changes (a save here, or
// the file changing on disk); the page then fetches the view and shows it. Text from
// the file is only ever put into the page with textContent or the editor, never as HTML.
(function () {
  "use strict";
  const token = document.querySelector('meta[name="briefpdf-token"]').content;
  const main = document.getElementById("main");
  const name = main.dataset.name;
  const quoted = encodeURIComponent(name);
  const saveState = document.getElementById("save-state");
  const saveButton = document.getElementById("save");
  const pages = document.getElementById("pages");
  const note = document.getElementById("preview-note");
  const list = document.getElementById("problems");
  const none = document.getElementById("problems-none");
  const stylePicker = document.getElementById("style-picker");
  const grayscale = document.getElementById("grayscale");

  const editor = CodeMirror.fromTextArea(document.getElementById("source"), {
    mode: "yaml", lineNumbers: true, lineWrapping: true, indentUnit: 2, tabSize: 2,
    indentWithTabs: false, gutters: ["CodeMirror-linenumbers", "problem-gutter"],
    screenReaderLabel: "Briefing text (YAML)",
    extraKeys: {
      "Tab": function (cm) { cm.execCommand("insertSoftTab"); },
      "Shift-Tab": false,  // leave the editor backwards with the keyboard
      "Esc": function () { stylePicker.focus(); },  // and forwards, to the preview
      "Ctrl-S": function () { save(); }, "Cmd-S": function () { save(); },
    },
  });

  let savedText = editor.getValue();  // the text on disk, as last seen
  let version = 0;
  let current = null;  // the last view from the server
  let marks = [];

  function dirty() { return editor.getValue() !== savedText; }
  function showSaveState(text) {
    saveState.textContent = text || (dirty() ? "Unsaved changes" : "Saved");
    saveState.classList.toggle("dirty", dirty() && !text);
  }
  editor.on("change", function () { showSaveState(); });
  window.addEventListener("beforeunload", function (event) {
    if (dirty()) { event.preventDefault(); event.returnValue = ""; }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      event.preventDefault();
      save();
    }
  });

  async function save() {
    const text = editor.getValue();
    saveButton.disabled = true;
    showSaveState("Saving…");
    try {
      const response = await fetch("/api/save/" + quoted, {
        method: "POST", body: JSON.stringify({ text: text }),
        headers: { "Content-Type": "application/json", "X-Briefpdf-Token": token },
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || response.statusText);
      savedText = text;
      show(data);
    } catch (error) {
      showSaveState("Not saved: " + error.message);
      saveButton.disabled = false;
      return;
    }
    saveButton.disabled = false;
    showSaveState(current && current.status === "errors" ?
      "Saved; last good PDF kept" : undefined);
  }
  saveButton.addEventListener("click", save);

  // --- what the server says -------------------------------------------------------------
  function show(view) {
    // (a view is shown once: the answer to a save and the event it raises bring the same)
    if (view.version < version || (current && view.version === version)) return;
    version = view.version;
    current = view;
    if (view.text !== savedText) {  // changed on disk by another program
      if (!dirty()) {
        const cursor = editor.getCursor();
        editor.setValue(view.text);
        editor.setCursor(cursor);
        savedText = view.text;
      } else {
        savedText = view.text;
        showSaveState("Changed on disk too: saving replaces that version");
      }
    }
    if (variantChosen()) loadVariant();  // the pages first: their images load meanwhile
    else ownPages();
    showProblems(view.problems);
    main.dataset.version = String(version);
  }

  function showProblems(problems) {  // one editor operation: laid out once, not per mark
    editor.operation(function () { markProblems(problems); });
  }

  function markProblems(problems) {
    marks.forEach(function (mark) { mark(); });
    marks = [];
    list.replaceChildren();
    none.hidden = problems.length > 0;
    problems.forEach(function (problem) {
      const warning = problem.severity === "warning";
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = warning ? "warning" : "error";
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = (problem.here ? "" : problem.file + " ") + "line " + problem.line +
        (warning ? " (warning):" : ":");
      button.append(where, document.createTextNode(problem.message));
      item.append(button);
      list.append(item);
      if (!problem.here) return;
      const line = Math.max(0, Math.min(problem.line - 1, editor.lineCount() - 1));
      button.addEventListener("click", function () {
        editor.focus();
        editor.setCursor({ line: line, ch: Math.max(0, problem.column - 1) });
        editor.scrollIntoView(null, 120);
      });
      marks.push(markLine(line, problem, warning));
    });
  }

  function markLine(line, problem, warning) {
    const kind = warning ? "warning" : "error";
    const handle = editor.addLineClass(line, "background", "line-" + kind);
    const gutter = document.createElement("span");
    gutter.className = "gutter-mark " + kind;
    gutter.textContent = warning ? "▲" : "●";
    gutter.title = problem.message;
    editor.setGutterMarker(line, "problem-gutter", gutter);
    const text = document.createElement("div");
    text.className = "line-note " + kind;
    text.textContent = problem.message;
    const widget = editor.addLineWidget(line, text, { coverGutter: false, noHScroll: true });
    return function () {
      editor.removeLineClass(handle, "background", "line-" + kind);
      editor.setGutterMarker(handle, "problem-gutter", null);
      widget.clear();
    };
  }

  // Each change of what the preview should show takes a ticket; an answer or an image
  // that arrives after a later change is dropped (no older preview over a newer one).
  let ticket = 0;

  function showPages(pdf, count, message, mine) {
    if (mine === undefined) mine = ++ticket;
    if (mine !== ticket) return;
    note.textContent = message || "";
    if (!pdf) {
      const empty = document.createElement("p");
      empty.className = "none";
      empty.textContent = "No printed pages to show.";
      pages.replaceChildren(empty);
      delete pages.dataset.pdf;
      return;
    }
    if (pages.dataset.pdf === pdf) return;
    const figures = [];
    const loaded = [];
    for (let number = 1; number <= count; number++) {
      const figure = document.createElement("figure");
      const image = new Image();
      image.alt = "Page " + number + " of " + count;
      loaded.push(new Promise(function (done) { image.onload = image.onerror = done; }));
      image.src = "/preview/" + pdf + "/" + number + ".jpg";
      const caption = document.createElement("figcaption");
      caption.textContent = "Page " + number + " of " + count;
      figure.append(image, caption);
      figures.push(figure);
    }
    Promise.all(loaded).then(function () {  // swap when ready: no flicker
      if (mine !== ticket) return;
      const top = pages.scrollTop;
      pages.replaceChildren.apply(pages, figures);
      pages.scrollTop = top;
      pages.dataset.pdf = pdf;
    });
  }

  function ownPages() {
    showPages(current.pdf, current.pages, current.stale ?
      "These are the last good pages: fix the errors listed to update them." :
      current.pdf ? "" : "No pages yet: fix the errors listed, then save.");
  }

  // --- another style, or grays: built in memory, the file is not changed ---------------
  function variantChosen() { return stylePicker.value !== "" || grayscale.checked; }
  async function loadVariant() {
    const mine = ++ticket;
    const style = stylePicker.value;
    const gray = grayscale.checked;
    const label = [style ? "in the style " + style : "", gray ? "in grays" : ""]
      .filter(Boolean).join(" and ");
    note.textContent = "Making a preview " + label + "…";
    const response = await fetch("/api/variant/" + quoted + "?style=" +
                                 encodeURIComponent(style) + "&gray=" + (gray ? "1" : "0"));
    const data = await response.json();
    const problem = data.problems.find(function (p) { return p.severity !== "warning"; });
    showPages(data.pdf, data.pages, problem ? "Cannot preview " + label + ": " +
      problem.message : "Previewing " + label + "; the file is not changed.", mine);
  }
  function variantChanged() {
    if (variantChosen()) loadVariant();
    else if (current) ownPages();
  }
  stylePicker.addEventListener("change", variantChanged);
  grayscale.addEventListener("change", variantChanged);

  async function refresh() {
    const response = await fetch("/api/view/" + quoted);
    if (response.ok) show(await response.json());
  }
  const events = new EventSource("/api/events/" + quoted);
  events.onmessage = function (event) {
    if (Number(event.data) !== version) refresh();
  };
  events.onerror = function () {
    showSaveState("Not connected: is briefpdf serve still running?");
  };
  events.onopen = function () { showSaveState(); };
  refresh();
  showSaveState();
})();
