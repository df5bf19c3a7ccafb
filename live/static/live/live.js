// Live blog: polls the page's updates endpoint and offers "N new updates" instead of
// jumping; edited entries take their new text and deleted ones go, in place. No
// websockets: a plain same-origin GET with ETag, cacheable and 304 when nothing changed,
// which survives proxies, mirrors and Tor. Backs off when hidden.
//
// Every open page asks the same question (?after=latest: the last few places of the
// blog), so one stored answer serves all readers between two changes; a page further
// behind than that answer reaches asks with its own cursor.

const VISIBLE_MS = 1000 * Number(document.querySelector("[data-live-updates]")?.dataset.pollSeconds || 20);
const HIDDEN_MS = 120000;
const MAX_BACKOFF_MS = 300000;

function label(list, count) {
  const form = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
  const text = list.dataset["label" + form[0].toUpperCase() + form.slice(1)];
  return (text || list.dataset.labelOther || "{n}").replace("{n}", String(count));
}

// The entry's copies on the page: in the list, and the pinned one above it.
function copies(id) {
  return [document.getElementById(`update-${id}`), document.getElementById(`pinned-update-${id}`)];
}

function start(list) {
  const banner = document.querySelector("[data-live-new]");
  const button = banner && banner.querySelector("button");
  let latest = Number(list.dataset.latest || "0");
  let waiting = [];
  let etag = null;
  let failures = 0;
  let timer = null;

  const show = () => {
    if (!banner) return;
    banner.hidden = waiting.length === 0;
    button.textContent = label(list, waiting.length);
  };

  const reveal = () => {
    const empty = list.querySelector(".live-empty");
    if (empty) empty.remove();
    list.prepend(...waiting); // newest first, as they came
    waiting = [];
    show();
  };

  const replace = (fresh) => {
    const id = fresh.dataset.entry;
    const [listed, pinned] = copies(id);
    if (listed) listed.replaceWith(fresh.cloneNode(true));
    if (pinned) {
      // The pinned copy keeps its own header (its "Pinned" label); the rest is new.
      const header = pinned.querySelector("header");
      pinned.replaceChildren(header, ...[...fresh.cloneNode(true).children].filter((child) => child.tagName !== "HEADER"));
    }
    waiting = waiting.map((entry) => (entry.dataset.entry === id ? fresh.cloneNode(true) : entry));
  };

  const remove = (id) => {
    for (const copy of copies(id)) {
      if (!copy) continue;
      const pinnedSection = copy.closest(".live-pinned");
      (pinnedSection || copy).remove();
    }
    for (const link of document.querySelectorAll(`.live-key-events a[href$="#update-${id}"]`)) {
      link.closest("li").remove();
    }
    waiting = waiting.filter((entry) => entry.dataset.entry !== id);
    show();
  };

  const apply = (answer) => {
    const fresh = answer.querySelector(".live-updates");
    const known = new Set(waiting.map((entry) => entry.dataset.entry));
    const entries = [...fresh.querySelectorAll(":scope > .live-entry")].filter(
      (entry) => Number(entry.dataset.sequence) > latest && !known.has(entry.dataset.entry) && !document.getElementById(entry.id),
    );
    for (const change of answer.querySelectorAll(".live-change")) {
      if (Number(change.dataset.place) <= latest) continue; // told before
      const entry = change.querySelector(".live-entry");
      if (entry) replace(entry);
      else remove(change.dataset.entry);
    }
    if (entries.length) {
      waiting = entries.concat(waiting);
      show();
    }
    latest = Math.max(latest, Number(fresh.dataset.latest));
  };

  const ask = async (after, headers) => {
    const url = `${list.dataset.liveUpdates}?after=${encodeURIComponent(after)}`;
    const response = await fetch(url, { headers, credentials: "same-origin" });
    if (response.status !== 200) return [response, null];
    const template = document.createElement("template");
    template.innerHTML = await response.text();
    return template.content.querySelector(".live-updates") ? [response, template.content] : [response, null];
  };

  const poll = async () => {
    try {
      const [response, answer] = await ask("latest", etag ? { "If-None-Match": etag } : {});
      failures = 0;
      if (answer) {
        const from = Number(answer.querySelector(".live-updates").dataset.from);
        // Further behind than the last places: this reader's own question, asked once.
        const [, own] = latest < from ? await ask(String(latest), {}) : [null, answer];
        if (own) {
          apply(own);
          etag = response.headers.get("ETag"); // a 304 now means: nothing new since
        }
      }
    } catch {
      failures += 1; // offline or blocked for a moment: ask again later, less often
    }
    schedule();
  };

  const schedule = () => {
    clearTimeout(timer);
    const base = document.visibilityState === "visible" ? VISIBLE_MS : HIDDEN_MS;
    timer = setTimeout(poll, Math.min(base * 2 ** failures, MAX_BACKOFF_MS));
  };

  if (button) button.addEventListener("click", reveal);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") poll();
    else schedule();
  });
  schedule();
}

const list = document.querySelector("[data-live-updates]");
if (list) start(list);
