/**
 * The quiz's flow: an intro, one question at a time, then the result. State lives in the
 * answers kept by storage.js and on [data-quiz]: data-state ("intro", "steps" or "result"),
 * data-step (the step shown) and data-result ("clear:cooperation", "between:a,b"…), which the
 * browser tests read; data-returning on [data-quiz] while a question is changed from the result.
 * Without this script the page is the paper version.
 */
(function (Q) {
  "use strict";

  const root = Q.root;
  if (!root) return;
  const form = root.querySelector("form");
  const steps = Array.from(form.querySelectorAll("fieldset[data-step]"));
  const intro = root.querySelector("[data-intro]");
  const progress = root.querySelector("[data-progress]");
  const previous = root.querySelector("[data-action=previous]");
  const next = root.querySelector("[data-action=next]");
  const result = root.querySelector("[data-result]");
  const status = root.querySelector("[data-status]");
  const ownInput = root.querySelector("#quiz-own");
  const ownList = root.querySelector("[data-own-list]");
  const box = root.querySelector("[data-compare]");
  const nav = root.querySelector("[data-nav]");
  /* whose turn it is, above the progress line, while partners take turns on this device (meeting.js) */
  const turn = Q.el("p", { class: "quiz__turn", "data-turn": "", hidden: "" });
  progress.before(turn);
  const cancelTurn = Q.el("button", { type: "button", class: "md-button quiz__secondary", "data-action": "cancel-turn", hidden: "" },
    Q.t("turn_cancel"));
  nav.append(cancelTurn);
  /* named by their headings once they have content (empty, they would be regions without a name) */
  result.setAttribute("role", "region");
  result.setAttribute("aria-labelledby", "result");
  box.setAttribute("role", "region");
  box.setAttribute("aria-labelledby", "compare");
  const script = document.currentScript;
  let state = Q.load();
  let loading = null;
  /* true while one answer is changed from the result: its step's button returns to the result */
  let returning = false;

  /**
   * Loads the comparison's script and style (share, compare, turns) once, when first needed. Settled when
   * both have arrived: what it shows is laid out once, styled, and does not move when the style comes later.
   * A style that cannot load leaves the comparison usable, unstyled; a script that cannot load rejects.
   */
  Q.loadCompare = function () {
    if (loading) return loading;
    const base = script.src.replace(/quiz\.js(\?.*)?$/, "");
    const load = (tag, required) => new Promise((resolve, reject) => {
      tag.addEventListener("load", resolve);
      tag.addEventListener("error", required ? reject : resolve);
      document.head.append(tag);
    });
    loading = Promise.all([load(Q.el("link", { rel: "stylesheet", href: base + "compare.css" }), false),
      load(Q.el("script", { src: base + "compare.js" }), true)]);
    return loading;
  };

  /** Shows one of the views: "intro", "steps", "result", "compare" or "room" (the last two: meeting.js). */
  function view(name) {
    state.shown = name;
    root.dataset.state = name;
    intro.hidden = name !== "intro";
    form.hidden = name !== "steps";
    result.hidden = name !== "result";
    box.hidden = name !== "compare" && name !== "room";
    Q.save(state);
  }

  /**
   * The one way a view of the quiz or of the comparison comes into sight (intro, step, result, comparison,
   * turns, a partner's link): scrolls so that the TOP of `top` sits just below the sticky header
   * (Material's .md-header, measured, 48 px today) and within the screen, then gives the focus to `target`
   * without scrolling again. Pass the view's top container (the result section, the comparison box, a
   * step's first line), once its content is in place and shown: the page is measured as laid out then.
   * Nothing above a view changes after it lands (compare.js and compare.css only add below it), so one
   * measure is enough. Scrolling the heading itself with scrollIntoView() put it at y = 0, under the header.
   * @param {HTMLElement} top the top container of the view now shown
   * @param {HTMLElement} [target] what takes the focus (a heading with tabindex="-1"); `top` if left out
   */
  function land(top, target) {
    const header = document.querySelector(".md-header");
    const stuck = header && /^(sticky|fixed)$/.test(getComputedStyle(header).position);
    const gap = 0.8 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    const above = (stuck ? header.getBoundingClientRect().height : 0) + gap;
    window.scrollTo({ top: Math.max(0, window.scrollY + top.getBoundingClientRect().top - above), behavior: "instant" });
    (target || top).focus({ preventScroll: true });
  }

  /** Reads the form into the state. */
  function read() {
    const data = new FormData(form);
    state.answers = {};
    for (const fieldset of Q.questions) {
      const value = data.get(fieldset.dataset.question);
      if (value) state.answers[fieldset.dataset.question] = String(value);
    }
    state.self = String(data.get("self") || "");
    state.wish = String(data.get("wish") || "");
    state.meet = data.getAll("meet").map(String);
    Q.save(state);
  }

  /** Puts the state back into the form. */
  function restore() {
    for (const input of form.querySelectorAll("input[type=radio], input[type=checkbox]")) {
      if (input.name === "meet") input.checked = state.meet.includes(input.value);
      else if (input.name === "self" || input.name === "wish") input.checked = state[input.name] === input.value;
      else input.checked = state.answers[input.name] === input.value;
    }
    ownList.replaceChildren(...state.own.map((text, index) => Q.el("li", {}, text, " ",
      Q.el("button", { type: "button", class: "md-button quiz__secondary", "data-remove": String(index) }, Q.t("own_remove")))));
  }

  /** The intro, with "Start" (or "Continue") and, when answers are kept, "Clear my answers". */
  function showIntro() {
    view("intro");
    const saved = Q.hasSaved() && (Object.keys(state.answers).length > 0 || state.meet.length > 0 || state.own.length > 0);
    root.querySelector("[data-action=start]").textContent = root.querySelector("[data-action=start]").dataset[saved ? "resume" : "start"];
    root.querySelector("[data-when-saved]").hidden = !saved;
  }

  /**
   * Shows one step; with `move`, brings its progress line into view and moves the focus to it.
   * @param {number} number from 1 to the number of steps
   * @param {boolean} [move]
   */
  function show(number, move) {
    keepOwn();
    state.step = Math.min(Math.max(number, 1), steps.length);
    view("steps");
    root.dataset.step = String(state.step);
    for (const fieldset of steps) fieldset.hidden = Number(fieldset.dataset.step) !== state.step;
    const room = Q.roomActive() ? Q.room() : null;
    turn.hidden = !room;
    turn.textContent = room ? Q.t("room_turn", { label: room.label }) : "";
    cancelTurn.hidden = !room;
    progress.textContent = Q.t("progress", { n: state.step, total: steps.length });
    const last = state.step === steps.length;
    previous.hidden = state.step === 1 || returning;
    next.textContent = Q.t(returning ? "change_return" : room && last ? "turn_finish" : last ? "see_result" : "next");
    /* the result's share panel needs compare.js: fetched now, it is there when the result shows */
    if (last || returning) Q.loadCompare();
    if (move) land(room ? turn : progress, steps[state.step - 1]);
  }

  /** Changing one answer from the result: its step's button goes back to the result (data-returning). */
  function change(number) {
    returning = true;
    root.dataset.returning = "";
    show(number, true);
  }

  /**
   * Computes and shows the result; with `move`, brings it into view and moves the focus to it.
   * @returns {Promise<void>} settled once the share panel (compare.js) is under the result card
   */
  function showResult(move) {
    keepOwn();
    returning = false;
    delete root.dataset.returning;
    read();
    const outcome = Q.score(state.answers);
    root.dataset.result = outcome.kind + ":" + outcome.forms.join(",");
    result.replaceChildren(...Q.resultParts(state, outcome));
    view("result");
    if (move) land(result, result.querySelector("h2"));
    return Q.loadCompare().then(() => {
      if (root.dataset.state === "result") result.querySelector(".quiz-card").after(Q.sharePanel(state));
    });
  }

  /** Empties the answers, on the page and in this browser. */
  function clear() {
    const label = state.label;
    state = Q.emptyState();
    state.label = label;
    form.reset();
    restore();
    result.replaceChildren();
    delete root.dataset.result;
    Q.erase();
  }

  /** Adds the reader's own fear or resistance, kept in this browser only. */
  function addOwn() {
    const text = ownInput.value.trim();
    if (!text) return;
    state.own.push(text);
    ownInput.value = "";
    Q.save(state);
    restore();
    ownInput.focus();
  }

  /** A fear typed in "Another one, your own" but not added is added on leaving its step, not lost. */
  function keepOwn() {
    if (!ownInput.value.trim()) return;
    state.own.push(ownInput.value.trim());
    ownInput.value = "";
    Q.save(state);
    restore();
  }

  /**
   * Before erasing, asks (GOV.UK's warning button, inline, no dialog of the browser): the line of actions
   * gives way to the question, "Yes, …" and "No, keep my answers", which puts everything back as it was.
   * @param {HTMLElement} button "Start again" or "Clear my answers"
   */
  function askFirst(button) {
    const key = button.dataset.action;
    const [asked, yes] = key === "restart" ? ["restart_confirm", "restart_yes"] : ["forget_confirm", "forget_yes"];
    const line = button.parentElement;
    const question = Q.el("p", { class: "quiz__confirm-question", tabindex: "-1", id: "quiz-confirm" }, Q.t(asked));
    const ask = Q.el("div", { class: "quiz__confirm", role: "group", "aria-labelledby": question.id, "data-confirm": key },
      question, Q.el("p", { class: "quiz__buttons" },
        Q.el("button", { type: "button", class: "md-button quiz__warning", "data-action": key + "-yes" }, Q.t(yes)),
        Q.el("button", { type: "button", class: "md-button quiz__secondary", "data-action": "keep" }, Q.t("keep_answers"))));
    line.hidden = true;
    line.after(ask);
    question.focus();
  }

  /**
   * "No, keep my answers": the question goes, the actions come back; with `back`, the focus returns to the
   * button that asked.
   * @param {boolean} [back]
   */
  function keep(back) {
    const ask = root.querySelector("[data-confirm]");
    if (!ask) return;
    const line = ask.previousElementSibling;
    line.hidden = false;
    ask.remove();
    if (back) line.querySelector(`[data-action="${ask.dataset.confirm}"]`).focus();
  }

  /** Cancels the turn under way: its answers go, the state from before it comes back, the comparison shows. */
  function cancel() {
    const before = (Q.room() || {}).before;
    Q.setRoom(null);
    clear();
    if (before) {
      const label = state.label;
      state = Object.assign(Q.emptyState(), before, { label: before.label || label });
      Q.save(state);
      restore();
    }
    returning = false;
    status.textContent = Q.t("turn_cancelled");
    return Q.loadCompare().then(() => Q.showCompare(true));
  }

  const actions = {
    start: () => show(state.step, true),
    previous: () => show(state.step - 1, true),
    add: addOwn,
    print: () => {
      root.classList.add("quiz--print-result");
      window.print();
    },
    restart: (button) => askFirst(button),
    "restart-yes": () => {
      keep();
      clear();
      show(1, true);
    },
    forget: (button) => askFirst(button),
    keep: () => keep(true),
    "cancel-turn": cancel,
    compare: () => Q.loadCompare().then(() => Q.showCompare(true)),
    room: () => Q.loadCompare().then(() => Q.roomStart()),
    "forget-yes": () => {
      keep();
      clear();
      state.label = "";
      showIntro();
      Q.eraseAll();
      status.textContent = Q.t("forgotten");
      land(root, root.querySelector("[data-action=start]"));
    },
  };

  form.addEventListener("change", read);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (document.activeElement === ownInput && ownInput.value.trim()) return addOwn();
    keepOwn();
    if (returning) showResult(true);
    else if (state.step < steps.length) show(state.step + 1, true);
    else if (Q.roomActive()) Q.loadCompare().then(() => Q.roomFinish());
    else showResult(true);
  });
  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("button");
    if (!button || box.contains(button)) return; /* the comparison's own buttons: meeting.js */
    status.textContent = "";
    if (!/^(keep|.*-yes)$/.test(button.dataset.action || "")) keep(); /* another button closes a question left open */
    if (actions[button.dataset.action]) actions[button.dataset.action](button);
    else if (button.dataset.goto) change(Number(button.dataset.goto));
    else if (button.dataset.remove) {
      state.own.splice(Number(button.dataset.remove), 1);
      Q.save(state);
      restore();
      ownInput.focus();
    }
  });
  window.addEventListener("afterprint", () => root.classList.remove("quiz--print-result", "quiz--print-compare"));

  const start = root.querySelector("[data-action=start]");
  start.dataset.start = start.textContent;
  start.dataset.resume = Q.t("resume");
  root.classList.add("quiz--js");
  for (const node of root.querySelectorAll("[data-nav], [data-progress], [data-intro-actions], [data-action=add]")) node.hidden = false;
  restore();
  // A reload, the back button or the other language's quiz page (the same file name, whatever the page
  // is called) resume where the reader was; coming from anywhere else, the intro offers to continue or to forget.
  const arrival = performance.getEntriesByType("navigation")[0];
  const fileName = (address) => address.replace(/[?#].*$/, "").split("/").pop();
  const fresh = !arrival || (arrival.type === "navigate"
    && !(document.referrer && fileName(document.referrer) === fileName(window.location.href)));
  /* land: the one function that brings a view into sight (see above); focus: its former name, kept for callers */
  Q.flow = { state: () => state, view, show, showResult, land, focus: land, clear };
  /**
   * A partner's link (quiz.html#p=…) opened, or pasted in the address bar: read it, then drop it from the address.
   * @returns {Promise<void>|null} settled once the comparison shows; null when the address has no link
   */
  function openLinkInAddress() {
    if (!/^#p=/.test(window.location.hash)) return null;
    const code = window.location.hash.slice(3);
    history.replaceState(null, "", window.location.pathname + window.location.search);
    view("compare");
    return Q.loadCompare().then(() => Q.openLink(code));
  }
  window.addEventListener("hashchange", openLinkInAddress);
  let opening = openLinkInAddress();
  if (opening) { /* the comparison shows */ } else if (state.shown === "compare" || state.shown === "room") opening = Q.loadCompare().then(() => Q.showCompare(false));
  else if (state.shown === "result") opening = showResult(false);
  else if (state.shown === "steps" && !fresh) show(state.step);
  else showIntro();
  // quiz.html keeps the quiz unseen (quiz--loading) until its first view is complete, compare.js
  // included: on a slow connection nothing is seen to fold, grow or move (no layout shift).
  Promise.resolve(opening).finally(() => root.classList.remove("quiz--loading"));
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
