// Comments, enhanced: post in place, report in place, a fresh form token when writing starts.
// Without this file the same forms work as plain HTML posts.

const form = document.querySelector("[data-comment-form]");

async function postJSON(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "omit",
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = {};
  }
  return { ok: response.ok, data };
}

async function refreshToken() {
  // The token in the cached page may be old; a fresh one times this reader's writing.
  const id = form.dataset.article;
  const response = await fetch(`/api/comments/token?article=${id}`, { credentials: "omit" });
  if (response.ok) form.elements.token.value = (await response.json()).token;
}

function showStatus(message, failed) {
  const status = form.querySelector("[data-comment-status]");
  status.textContent = message;
  status.classList.toggle("error-message", failed);
  status.classList.toggle("success-message", !failed);
}

function showComment(html, count) {
  const list = document.querySelector("[data-comment-list]");
  const template = document.createElement("template");
  template.innerHTML = html; // rendered and escaped by the server
  list.prepend(template.content);
  document.querySelectorAll("[data-comment-total]").forEach((el) => (el.textContent = count));
  document
    .querySelectorAll(`[data-comment-count="${form.dataset.article}"]`)
    .forEach((el) => showCount(el, count));
}

// The number and its spoken label ("5 каментараў"), in the page's plural forms.
function showCount(el, count) {
  const labels = JSON.parse(document.getElementById("comment-labels")?.textContent || "{}");
  const form = labels[new Intl.PluralRules(document.documentElement.lang).select(count)];
  el.lastChild.textContent = count;
  if (form) el.setAttribute("aria-label", form.replace("{n}", count));
}

async function submitComment(event) {
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  const fields = form.elements;
  const { ok, data } = await postJSON("/api/comments/", {
    article: Number(form.dataset.article),
    name: fields.name.value,
    text: fields.text.value,
    website: fields.website.value,
    token: fields.token.value,
  }).catch(() => ({ ok: false, data: {} }));
  button.disabled = false;
  if (!ok) {
    showStatus(data.error || form.dataset.failed || "Error", true);
    return;
  }
  showStatus(data.message, false);
  fields.text.value = "";
  if (data.html) showComment(data.html, data.count);
  refreshToken();
}

function reportForm(link) {
  const reasons = document.querySelector("[data-report-reasons]");
  const box = reasons.content.firstElementChild.cloneNode(true);
  box.addEventListener("submit", async (event) => {
    event.preventDefault();
    const reason = new FormData(box).get("reason");
    if (!reason) return;
    const { data } = await postJSON(`/api/comments/${link.dataset.report}/report`, { reason });
    box.replaceWith(Object.assign(document.createElement("p"), {
      className: "success-message",
      textContent: data.message || data.error || "",
    }));
  });
  link.after(box);
  link.remove();
  box.querySelector("input").focus();
}

if (form) {
  form.addEventListener("focusin", () => refreshToken(), { once: true });
  form.addEventListener("submit", submitComment);
  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-report]");
    if (!link || !document.querySelector("[data-report-reasons]")) return;
    event.preventDefault();
    reportForm(link);
  });
}
