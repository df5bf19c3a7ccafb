// Live blog: polls the page's updates endpoint and offers "N new updates" instead of
// jumping. No websockets: a plain same-origin GET with ETag, cacheable and 304 when
// nothing changed, which survives proxies, mirrors and Tor. Backs off when hidden.

const VISIBLE_MS = 1000 * Number(document.querySelector("[data-live-updates]")?.dataset.pollSeconds || 20);
const HIDDEN_MS = 120000;
const MAX_BACKOFF_MS = 300000;

function label(list, count) {
  const form = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
  const text = list.dataset["label" + form[0].toUpperCase() + form.slice(1)];
  return (text || list.dataset.labelOther || "{n}").replace("{n}", String(count));
}

function start(list) {
  const banner = document.querySelector("[data-live-new]");
  const button = banner && banner.querySelector("button");
  let latest = list.dataset.latest || "0";
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

  const poll = async () => {
    const url = `${list.dataset.liveUpdates}?after=${encodeURIComponent(latest)}`;
    const headers = etag ? { "If-None-Match": etag } : {};
    try {
      const response = await fetch(url, { headers, credentials: "same-origin" });
      failures = 0;
      if (response.status === 200) {
        etag = response.headers.get("ETag");
        const template = document.createElement("template");
        template.innerHTML = await response.text();
        const fresh = template.content.querySelector(".live-updates");
        if (fresh && Number(fresh.dataset.count) > 0) {
          latest = fresh.dataset.latest;
          etag = null; // the next question is about what came after these
          const known = new Set(waiting.map((entry) => entry.dataset.entry));
          const entries = [...fresh.querySelectorAll(".live-entry")].filter(
            (entry) => !known.has(entry.dataset.entry) && !document.getElementById(entry.id),
          );
          waiting = entries.concat(waiting);
          show();
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
