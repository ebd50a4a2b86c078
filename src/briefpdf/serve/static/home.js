// briefpdf serve, home page: New briefing, Import and Build all. Every request that
// changes something carries the session token from the page's <meta>.
(function () {
  "use strict";
  const token = document.querySelector('meta[name="briefpdf-token"]').content;
  const message = document.getElementById("message");

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle("error", Boolean(isError));
  }

  async function post(url, body, headers) {
    const response = await fetch(url, {
      method: "POST", body: body,
      headers: Object.assign({ "X-Briefpdf-Token": token }, headers || {}),
    });
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  const form = document.getElementById("new-form");
  const slug = document.getElementById("new-slug");
  document.getElementById("new-open").addEventListener("click", function () {
    form.hidden = false;
    slug.focus();
  });
  document.getElementById("new-cancel").addEventListener("click", function () {
    form.hidden = true;
    document.getElementById("new-open").focus();
  });
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    try {
      const data = await post("/api/new", JSON.stringify({ slug: slug.value }),
                              { "Content-Type": "application/json" });
      window.location.href = data.url;
    } catch (error) {
      say(error.message, true);
      slug.focus();
    }
  });

  const upload = document.getElementById("import-file");
  upload.addEventListener("change", async function () {
    const file = upload.files[0];
    if (!file) return;
    say("Importing " + file.name + "…");
    try {
      const data = await post("/api/import", file,
                              { "X-File-Name": encodeURIComponent(file.name) });
      if (data.imported && data.files && data.files.length) {
        window.location.href = "/edit/" + encodeURIComponent(data.files[0]);
        return;
      }
      say(data.message, !data.imported);
    } catch (error) {
      say(error.message, true);
    }
    upload.value = "";
  });

  const buildAll = document.getElementById("build-all");
  buildAll.addEventListener("click", async function () {
    buildAll.disabled = true;
    say("Building every briefing and pack…");
    try {
      const data = await post("/api/build-all", "");
      sessionStorage.setItem("briefpdf-message", "Build all: " + data.summary);
      window.location.reload();
    } catch (error) {
      say(error.message, true);
      buildAll.disabled = false;
    }
  });
  const kept = sessionStorage.getItem("briefpdf-message");
  if (kept) {
    sessionStorage.removeItem("briefpdf-message");
    say(kept);
  }
})();
