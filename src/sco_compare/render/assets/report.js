// Click (or Enter on its id) an aligned sentence: its counterparts light up and scroll into view,
// and the panel shows the word diff of its pairs. The page reads the same without this script.
(() => {
  "use strict";
  const panel = document.getElementById("detail");
  const panelBody = document.getElementById("detail-body");
  const closer = document.getElementById("detail-close");
  let lit = [];
  let hovered = [];
  let opener = null;

  const byIds = (list) =>
    (list || "").split(" ").filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean);

  // The part of the window not under the panel.
  const visibleBottom = () =>
    panel.hidden ? window.innerHeight : panel.getBoundingClientRect().top;

  // A counterpart into view: in its column, its column in the row of them, and (for the first
  // one only, so that the page does not jump from one to the next) in the window.
  function reveal(element, first) {
    const box = element.closest(".body");
    if (box && box.scrollHeight > box.clientHeight + 1) {
      box.scrollTop = element.offsetTop - box.clientHeight / 3;
    }
    const cols = element.closest(".cols");
    const column = element.closest(".source");
    if (cols && column && (column.offsetLeft < cols.scrollLeft
        || column.offsetLeft + column.offsetWidth > cols.scrollLeft + cols.clientWidth)) {
      cols.scrollLeft = column.offsetLeft;
    }
    const rect = element.getBoundingClientRect();
    if (first && (rect.top < 0 || rect.bottom > visibleBottom())) {
      window.scrollBy(0, rect.top - Math.min(120, visibleBottom() / 4));
    }
  }

  function clear() {
    lit.forEach((e) => e.classList.remove("lit", "sel"));
    lit = [];
  }

  function close() {
    panel.hidden = true;
    clear();
    if (opener) opener.focus();
  }

  function select(sentence) {
    clear();
    sentence.classList.add("sel");
    lit.push(sentence);
    const others = byIds(sentence.dataset.with);
    others.forEach((o) => { o.classList.add("lit"); lit.push(o); });
    panel.hidden = false; // (before its content: a live region announces what changes in it)
    panelBody.replaceChildren();
    byIds(sentence.dataset.pairs).forEach((pair) => {
      const title = document.createElement("p");
      title.textContent = pair.querySelector("summary").textContent;
      const diff = pair.querySelector(".diff").cloneNode(true);
      diff.removeAttribute("id");
      panelBody.append(title, diff);
    });
    const seen = new Set([sentence.closest(".body")]);
    others.forEach((o) => {
      const box = o.closest(".body");
      if (!seen.has(box)) { reveal(o, seen.size === 1); seen.add(box); }
    });
  }

  document.addEventListener("click", (event) => {
    const sentence = event.target.closest(".body .s[data-with]");
    if (!sentence || String(window.getSelection())) return; // (selecting text to copy it)
    event.preventDefault();
    opener = sentence.querySelector("a.sid");
    select(sentence);
  });
  document.addEventListener("mouseover", (event) => {
    const sentence = event.target.closest(".body .s[data-with]");
    hovered.forEach((e) => e.classList.remove("hover"));
    hovered = sentence ? byIds(sentence.dataset.with) : [];
    hovered.forEach((e) => e.classList.add("hover"));
  });
  closer.addEventListener("click", close);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) close();
  });
  document.querySelectorAll(".js-only").forEach((e) => { e.hidden = false; });
  // Print every pair's diff, then leave them as the reader had them.
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = [...document.querySelectorAll("details:not([open])")];
    closed.forEach((d) => { d.open = true; });
  });
  window.addEventListener("afterprint", () => closed.forEach((d) => { d.open = false; }));
})();
