// Click (or Enter on its id) a sentence: its counterparts light up and scroll into view, and the
// panel shows the aligned pair's word diff. The page reads the same without this script.
(() => {
  "use strict";
  const panel = document.getElementById("detail");
  const panelBody = document.getElementById("detail-body");
  let lit = [];
  let hovered = [];

  const partners = (s) =>
    (s.dataset.with || "").split(" ").filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean);

  function scrollTo(element) {
    const box = element.closest(".body");
    if (box && box.scrollHeight > box.clientHeight + 1) {
      box.scrollTop = element.offsetTop - box.clientHeight / 3;
    } else {
      element.scrollIntoView({ block: "center" });
    }
  }

  function clear() {
    lit.forEach((e) => e.classList.remove("lit", "sel"));
    lit = [];
  }

  function select(sentence) {
    clear();
    sentence.classList.add("sel");
    lit.push(sentence);
    const others = partners(sentence);
    others.forEach((o) => { o.classList.add("lit"); lit.push(o); });
    const seen = new Set();
    others.forEach((o) => {
      const box = o.closest(".body");
      if (box !== sentence.closest(".body") && !seen.has(box)) { seen.add(box); scrollTo(o); }
    });
    panelBody.replaceChildren();
    const pairs = (sentence.dataset.pairs || "").split(" ").filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean);
    if (!pairs.length) {
      const title = document.createElement("p");
      const label = sentence.querySelector(".sid").textContent;
      title.textContent = label + ": " + sentence.dataset.status + ", found in no other source";
      panelBody.append(title);
    }
    pairs.forEach((pair) => {
      const title = document.createElement("p");
      title.textContent = pair.querySelector("summary").textContent;
      panelBody.append(title, pair.querySelector(".diff").cloneNode(true));
    });
    panel.hidden = false;
  }

  document.addEventListener("click", (event) => {
    const sentence = event.target.closest(".body .s");
    if (!sentence) return;
    if (event.target.closest("a.sid")) event.preventDefault();
    select(sentence);
  });
  document.addEventListener("mouseover", (event) => {
    const sentence = event.target.closest(".body .s");
    hovered.forEach((e) => e.classList.remove("hover"));
    hovered = sentence ? partners(sentence) : [];
    hovered.forEach((e) => e.classList.add("hover"));
  });
  document.getElementById("detail-close").addEventListener("click", () => {
    panel.hidden = true;
    clear();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) { panel.hidden = true; clear(); }
  });
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details").forEach((d) => { d.open = true; });
  });
})();
