// Typo reports: the reader selects text in the article and presses Ctrl+Enter (Cmd+Enter on
// a Mac), or taps "Report a typo" on a touch screen; a dialog sends the fragment to the editors.
// Without JavaScript nothing here appears, and the page stays the same for every reader.

const AREAS = ".article__headline, .article__lede, .article__lead-photo, .article__body";
const CONTEXT = 150;

const dialog = document.getElementById("typo-dialog");
if (dialog && typeof dialog.showModal === "function") {
  setUp(dialog);
}

function setUp(dialog) {
  const form = dialog.querySelector("form");
  const part = (name) => dialog.querySelector(`[data-${name}]`);
  const floatButton = document.querySelector(".typo-float");
  const fragmentMax = Number(dialog.dataset.fragmentMax);
  let current = null;
  let returnFocus = null;

  if (/Mac|iPhone|iPad/.test(navigator.platform || "")) {
    for (const key of document.querySelectorAll(".typo-hint kbd")) {
      if (key.textContent === "Ctrl") key.textContent = "⌘";
    }
  }

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || dialog.open) return;
    const snapshot = takeSelection();
    // Ctrl+Enter in a form field (say, a comment box) belongs to that form.
    if (snapshot.error === "empty" && isEditable(event.target)) return;
    event.preventDefault();
    open(snapshot);
  });

  function open(snapshot) {
    current = snapshot;
    returnFocus = document.activeElement;
    form.reset();
    const fine = !snapshot.error;
    part("report").hidden = !fine;
    part("send").hidden = !fine;
    part("send").disabled = false;
    part("status").textContent = fine ? "" : message(snapshot.error);
    if (fine) {
      part("before").textContent = snapshot.before;
      part("fragment").textContent = snapshot.fragment;
      part("after").textContent = snapshot.after;
    }
    dialog.showModal();
    (fine ? form.elements.remark : part("close")).focus();
  }

  function message(code) {
    return code === "too_long" ? dialog.dataset.msgTooLong : dialog.dataset.msgEmpty;
  }

  function takeSelection() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { error: "empty" };
    const range = selection.getRangeAt(0);
    const startArea = areaOf(range.startContainer);
    const endArea = areaOf(range.endContainer);
    const fragment = squeeze(selection.toString());
    if (!startArea || !endArea || !fragment) return { error: "empty" };
    if (fragment.length > fragmentMax) return { error: "too_long" };
    return {
      fragment,
      before: collapse(textBetween(startArea, "start", range)).slice(-CONTEXT),
      after: collapse(textBetween(endArea, "end", range)).slice(0, CONTEXT),
      range: range.cloneRange(),
    };
  }

  // Focus stays inside the open dialog: Tab from the last control goes to the first.
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    const controls = [...dialog.querySelectorAll("textarea, button")].filter(
      (control) => !control.disabled && control.offsetParent !== null,
    );
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });

  part("close").addEventListener("click", () => dialog.close());

  dialog.addEventListener("close", () => {
    if (returnFocus && returnFocus !== document.body && returnFocus.isConnected) {
      returnFocus.focus();
    } else {
      document.getElementById("main")?.focus({ preventScroll: true });
    }
    // Give the reader back the selection they reported, so they see where they were.
    if (current?.range) {
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(current.range);
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current || current.error) return;
    part("send").disabled = true;
    part("status").textContent = dialog.dataset.msgSending;
    const answer = await send({
      fragment: current.fragment,
      context_before: current.before,
      context_after: current.after,
      remark: form.elements.remark.value,
      page_id: Number(dialog.dataset.page),
    });
    part("status").textContent = answer.text;
    if (answer.ok) {
      part("report").hidden = true;
      part("send").hidden = true;
      part("close").focus();
    } else {
      part("send").disabled = false;
    }
  });

  async function send(report) {
    try {
      const response = await fetch(dialog.dataset.endpoint, {
        method: "POST",
        credentials: "omit",
        headers: {
          "Content-Type": "application/json",
          "Accept-Language": document.documentElement.lang,
        },
        body: JSON.stringify(report),
      });
      const body = await response.json();
      return { ok: response.ok, text: body.message || body.error || dialog.dataset.msgFailed };
    } catch {
      return { ok: false, text: dialog.dataset.msgFailed };
    }
  }

  // Touch screens have no Ctrl+Enter: a small button appears next to a selection instead.
  if (floatButton && window.matchMedia("(pointer: coarse)").matches) {
    let pending = null;
    let snapshot = null;
    document.addEventListener("selectionchange", () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        snapshot = takeSelection();
        placeFloat(floatButton, snapshot);
      }, 250);
    });
    // Keep the selection when the button is pressed; open with what was selected.
    floatButton.addEventListener("pointerdown", (event) => event.preventDefault());
    floatButton.addEventListener("click", () => {
      floatButton.hidden = true;
      if (snapshot) open(snapshot);
    });
  }
}

function placeFloat(button, snapshot) {
  if (snapshot.error === "empty") {
    button.hidden = true;
    return;
  }
  const rects = snapshot.range ? snapshot.range.getClientRects() : [];
  const rect = rects.length ? rects[rects.length - 1] : window.getSelection().getRangeAt(0).getBoundingClientRect();
  button.hidden = false;
  const left = Math.min(rect.left, window.innerWidth - button.offsetWidth - 8);
  button.style.top = `${rect.bottom + window.scrollY + 8}px`;
  button.style.left = `${Math.max(8, left) + window.scrollX}px`;
}

function areaOf(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element?.closest(AREAS) || null;
}

function textBetween(area, side, range) {
  const span = document.createRange();
  span.selectNodeContents(area);
  if (side === "start") span.setEnd(range.startContainer, range.startOffset);
  else span.setStart(range.endContainer, range.endOffset);
  return readableText(span, side);
}

// Where one block of text ends and another begins, a reader sees a break.
const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, figure, figcaption, div, pre, td, th";

// Range.toString() joins neighbouring paragraphs with nothing between them ("end.Next"),
// so editors would read words that are not in the article: a space goes between blocks.
// It goes on the side away from the selection, where a block cut by the selection ends
// mid-word, so the context still joins the fragment as the text does.
function readableText(range, side) {
  const copy = range.cloneContents();
  for (const block of copy.querySelectorAll(BLOCKS)) {
    if (side === "start") block.before(" ");
    else block.after(" ");
  }
  for (const lineBreak of copy.querySelectorAll("br")) lineBreak.replaceWith(" ");
  return copy.textContent;
}

function collapse(text) {
  return text.replace(/\s+/g, " ");
}

function squeeze(text) {
  return collapse(text).trim();
}

function isEditable(element) {
  return Boolean(element?.closest?.("input, textarea, select, [contenteditable]"));
}
