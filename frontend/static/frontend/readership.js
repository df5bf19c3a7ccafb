// Readership: beacons for views and "now reading", likes, and live numbers in place.
// Progressive enhancement: without JavaScript the page shows server-rendered numbers and
// counts nothing. No cookie; a like is remembered in this browser's localStorage only.

const API = "/api/readership";
const HEARTBEAT_MS = 20000; // realtime tools beat every 15-30 s while the tab is visible
const REFRESH_MS = 30000;

function send(path, body) {
  // text/plain is CORS-safelisted: sendBeacon needs no preflight and outlives the page.
  const data = JSON.stringify(body);
  if (navigator.sendBeacon) {
    navigator.sendBeacon(API + path, new Blob([data], { type: "text/plain" }));
  } else {
    fetch(API + path, { method: "POST", body: data, keepalive: true });
  }
}

// Where the reader came from, as a host name only: the path and query of the page before
// ours never leave this browser (the server keeps only the registered domain).
function referrerHost() {
  try {
    const url = new URL(document.referrer);
    return url.protocol === "android-app:" ? `android-app://${url.host}` : url.hostname;
  } catch {
    return "";
  }
}

const ENGAGED_TICK_S = 5; // engaged time is counted in 5-second steps
const IDLE_AFTER_MS = 15000; // no scroll, key, touch or pointer for this long: not reading
const ENGAGED_CAP_S = 600;

// Engaged seconds (tab visible, reader active) and the deepest quarter of the article seen,
// sent once when the page is hidden or left. Nothing is stored in the browser.
function watchEngagement(articleId, token, referrer) {
  let seconds = 0;
  let deepest = 0;
  let sent = false;
  let lastActive = Date.now();
  const body = document.querySelector("article") || document.body;
  const measure = () => {
    const box = body.getBoundingClientRect();
    const seen = (window.innerHeight - box.top) / Math.max(box.height, 1);
    const mark = Math.min(100, Math.floor((seen * 100) / 25) * 25);
    if (mark > deepest) deepest = mark;
  };
  const active = () => {
    lastActive = Date.now();
  };
  for (const name of ["scroll", "keydown", "pointerdown", "pointermove", "touchstart"]) {
    window.addEventListener(name, active, { passive: true });
  }
  window.addEventListener("scroll", measure, { passive: true });
  measure();
  const tick = setInterval(() => {
    if (document.visibilityState === "visible" && Date.now() - lastActive < IDLE_AFTER_MS) {
      seconds = Math.min(ENGAGED_CAP_S, seconds + ENGAGED_TICK_S);
    }
  }, ENGAGED_TICK_S * 1000);
  const leave = () => {
    if (sent) return;
    sent = true;
    clearInterval(tick);
    send("/leave", { article: articleId, token, seconds, scroll: deepest, referrer });
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") leave();
  });
  window.addEventListener("pagehide", leave);
}

function startBeacons(articleId, token) {
  let timer = null;
  let viewed = false;
  const referrer = referrerHost();
  const beat = () => send("/beacon", { article: articleId, kind: "heartbeat" });
  const onVisibility = () => {
    clearInterval(timer);
    if (document.visibilityState !== "visible") return;
    if (!viewed) {
      viewed = true;
      send("/beacon", { article: articleId, kind: "view", token, referrer });
      if (token) watchEngagement(articleId, token, referrer);
    } else {
      beat();
    }
    timer = setInterval(beat, HEARTBEAT_MS);
  };
  document.addEventListener("visibilitychange", onVisibility);
  onVisibility();
}

const likedKey = (id) => `samizdat:liked:${id}`;

function isLiked(id) {
  try {
    return localStorage.getItem(likedKey(id)) === "1";
  } catch {
    return false;
  }
}

function remember(id, liked) {
  try {
    if (liked) localStorage.setItem(likedKey(id), "1");
    else localStorage.removeItem(likedKey(id));
  } catch {
    // Storage refused (private mode): the like still counts once a day on the server.
  }
}

function showLike(button, liked) {
  button.setAttribute("aria-pressed", String(liked));
  button.textContent = liked ? button.dataset.labelLiked : button.dataset.labelLike;
}

function setupLike(box) {
  const id = Number(box.dataset.readershipArticle);
  const button = box.querySelector(".like__button");
  const count = box.querySelector("[data-readership-likes]");
  if (!button || !count) return;
  showLike(button, isLiked(id));
  button.hidden = false;
  button.addEventListener("click", async () => {
    const liked = !isLiked(id);
    button.disabled = true;
    try {
      const response = await fetch(`${API}/like`, {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body: JSON.stringify({ article: id, liked }),
      });
      if (response.ok) {
        const result = await response.json();
        remember(id, liked);
        showLike(button, liked);
        count.textContent = result.likes;
      }
    } finally {
      button.disabled = false;
    }
  });
}

function renderList(list, items) {
  const rows = items.map((item) => {
    const li = document.createElement("li");
    li.className = "headline";
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    const comments = document.createElement("span");
    comments.className = "comment-count";
    comments.setAttribute("role", "img");
    comments.dataset.commentCount = item.id;
    const icon = document.createElement("span");
    icon.className = "comment-count__icon";
    comments.append(icon, "");
    showCount(comments, item.comments);
    li.append(link, comments);
    return li;
  });
  if (!rows.length) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = list.dataset.empty;
    rows.push(li);
  }
  list.replaceChildren(...rows);
}

async function refresh(board) {
  if (document.visibilityState !== "visible") return;
  const ids = new Set();
  document.querySelectorAll("[data-readership-likes]").forEach((el) => ids.add(el.dataset.readershipLikes));
  document.querySelectorAll("[data-comment-count]").forEach((el) => ids.add(el.dataset.commentCount));
  const params = new URLSearchParams({ lang: board ? board.dataset.lang : document.documentElement.lang });
  if (ids.size) params.set("ids", [...ids].slice(0, 60).join(","));
  const response = await fetch(`${API}/live?${params}`);
  if (!response.ok) return;
  const numbers = await response.json();
  if (board) {
    for (const name of ["now_reading", "most_read", "most_liked"]) {
      const list = board.querySelector(`[data-readership-list="${name}"]`);
      if (list) renderList(list, numbers[name]);
    }
  }
  document.querySelectorAll("[data-readership-likes]").forEach((el) => {
    const value = numbers.likes[el.dataset.readershipLikes];
    if (value !== undefined) el.textContent = value;
  });
  document.querySelectorAll("[data-comment-count]").forEach((el) => {
    const value = numbers.comments[el.dataset.commentCount];
    if (value !== undefined) showCount(el, value);
  });
}

// The number and its spoken label ("5 каментараў"), in the page's plural forms.
function showCount(el, count) {
  const labels = JSON.parse(document.getElementById("comment-labels")?.textContent || "{}");
  const form = labels[new Intl.PluralRules(document.documentElement.lang).select(count)];
  el.lastChild.textContent = count;
  if (form) el.setAttribute("aria-label", form.replace("{n}", count));
}

function setupTabs(container) {
  // Without JavaScript both lists show one under the other; here they become two tabs.
  const sections = [...container.querySelectorAll(":scope > section")];
  if (sections.length < 2) return;
  const tablist = document.createElement("div");
  tablist.className = "readership__tablist";
  tablist.setAttribute("role", "tablist");
  const buttons = sections.map((section, index) => {
    const heading = section.querySelector("h2");
    const button = document.createElement("button");
    button.type = "button";
    button.id = `${section.id}-tab`;
    button.setAttribute("role", "tab");
    button.setAttribute("aria-controls", section.id);
    button.textContent = heading.textContent;
    heading.classList.add("visually-hidden");
    section.setAttribute("role", "tabpanel");
    section.setAttribute("aria-labelledby", button.id);
    button.addEventListener("click", () => select(index));
    tablist.append(button);
    return button;
  });
  const select = (chosen) => {
    buttons.forEach((button, index) => {
      button.setAttribute("aria-selected", String(index === chosen));
      button.tabIndex = index === chosen ? 0 : -1; // one Tab stop for the list; arrows inside
      sections[index].hidden = index !== chosen;
    });
  };
  // Arrow keys, Home and End move between tabs, as keyboard and screen reader users expect.
  tablist.addEventListener("keydown", (event) => {
    const current = buttons.indexOf(document.activeElement);
    const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: -1 };
    if (current < 0 || !(event.key in moves)) return;
    event.preventDefault();
    const chosen = (moves[event.key] + buttons.length) % buttons.length;
    select(chosen);
    buttons[chosen].focus();
  });
  container.prepend(tablist);
  select(0);
}

const likeBox = document.querySelector("[data-readership-article]");
if (likeBox) {
  startBeacons(Number(likeBox.dataset.readershipArticle), likeBox.dataset.beaconToken || "");
  setupLike(likeBox);
}
const board = document.querySelector("[data-readership-board]");
document.querySelectorAll("[data-readership-tabs]").forEach(setupTabs);
if (board || likeBox) {
  refresh(board);
  setInterval(() => refresh(board), REFRESH_MS);
  document.addEventListener("visibilitychange", () => refresh(board));
}
