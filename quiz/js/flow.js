/**
 * The quiz's flow: an intro, one question at a time, then the result, and the questions asked before erasing.
 * One object, `state` (a View, below), describes everything the quiz shows; render() draws it: the view it
 * names (renderIntro, renderStep, renderResult, or meeting.js's Q.renderCompare for the comparison and turns),
 * then the confirmation question (renderConfirm). Event handlers only change the state, call render() and bring
 * the view into sight with land(). render() writes on [data-quiz], for the browser tests: data-state (the view
 * shown), data-step (the step), data-result ("clear:cooperation", "between:a,b"…, the result drawn) and
 * data-returning (while one answer is changed from the result). Without this script the page is the paper version.
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
  const startButton = root.querySelector("[data-action=start]");
  const startText = startButton.textContent; /* "Start"; "Continue" when answers are kept */
  const script = document.currentScript;
  let loading = null;

  /**
   * What the quiz shows, the one state its views are drawn from: storage.js's State, kept in this browser
   * (answers, self, wish, meet, own, step, shown, label; turn under a key of its own), and, for this page view only:
   * @typedef {Object} View
   * @property {boolean} returning one answer is being changed from the result: its step's button goes back there
   * @property {string} confirming the erasing asked about first, "restart" or "forget" ("" when none)
   * @property {string} status the text of the status line under the quiz, read out by screen readers
   * @property {string} printing what the print dialog open prints, "result" or "compare" ("" when none)
   * @property {Object|null} opened what a partner's link just opened said (compare.js's banner; null when none)
   * @property {string} finished the partner whose turn just ended (meeting.js; "" on the turns' first screen)
   */
  /** @type {View} */
  const state = Object.assign(Q.load(), { confirming: "", status: "", printing: "" }); /* the others start unset */

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

  /**
   * Draws everything the quiz shows from `state`, and keeps what storage.js keeps of it: the views' visibility,
   * the attributes on [data-quiz], the status line, the print mode, the form's answers, the view shown (its
   * render function) and the confirmation question. The result and the comparison are emptied when hidden, so
   * they are drawn afresh each time they show, as the state is then.
   * @returns {Promise<void>|undefined} the result's, settled once its share panel is in place
   */
  function render() {
    const name = state.shown;
    root.dataset.state = name;
    intro.hidden = name !== "intro";
    form.hidden = name !== "steps";
    result.hidden = name !== "result";
    box.hidden = name !== "compare" && name !== "room";
    root.toggleAttribute("data-returning", Boolean(state.returning));
    for (const kind of ["result", "compare"]) root.classList.toggle("quiz--print-" + kind, state.printing === kind);
    if (status.textContent !== state.status) status.textContent = state.status; /* not read out again for nothing */
    renderAnswers();
    if (result.hidden) {
      result.replaceChildren();
      delete root.dataset.result;
    }
    if (box.hidden) box.replaceChildren();
    let done;
    if (name === "intro") renderIntro();
    else if (name === "steps") renderStep();
    else if (name === "result") done = renderResult();
    else if (Q.renderCompare) Q.renderCompare(state); /* meeting.js, once compare.js is there */
    renderConfirm();
    Q.save(state);
    return done;
  }

  /** The form's answers and the reader's own fears, as the state has them. */
  function renderAnswers() {
    for (const input of form.querySelectorAll("input[type=radio], input[type=checkbox]")) {
      if (input.name === "meet") input.checked = state.meet.includes(input.value);
      else if (input.name === "self" || input.name === "wish") input.checked = state[input.name] === input.value;
      else input.checked = state.answers[input.name] === input.value;
    }
    ownList.replaceChildren(...state.own.map((item, index) => Q.el("li", {}, item, " ",
      Q.el("button", { type: "button", class: "md-button quiz__secondary", "data-remove": String(index) }, Q.t("own_remove")))));
  }

  /** The intro, with "Start" (or "Continue") and, when answers are kept, "Clear my answers". */
  function renderIntro() {
    const saved = Q.hasSaved() && (Object.keys(state.answers).length > 0 || state.meet.length > 0 || state.own.length > 0);
    startButton.textContent = saved ? Q.t("resume") : startText;
    root.querySelector("[data-when-saved]").hidden = !saved;
  }

  /** The step `state.step`, its progress line and buttons, and whose turn it is while partners take turns. */
  function renderStep() {
    root.dataset.step = String(state.step);
    for (const fieldset of steps) fieldset.hidden = Number(fieldset.dataset.step) !== state.step;
    const label = state.turn && state.turn.label;
    turn.hidden = !label;
    turn.textContent = label ? Q.t("room_turn", { label }) : "";
    cancelTurn.hidden = !label;
    progress.textContent = Q.t("progress", { n: state.step, total: steps.length });
    const last = state.step === steps.length;
    previous.hidden = state.step === 1 || state.returning;
    next.textContent = Q.t(state.returning ? "change_return" : label && last ? "turn_finish" : last ? "see_result" : "next");
    /* the result's share panel needs compare.js: fetched now, it is there when the result shows */
    if (last || state.returning) Q.loadCompare();
  }

  /**
   * The result of the answers, then, once compare.js is there, the share panel under its card.
   * @returns {Promise<void>}
   */
  function renderResult() {
    if (!result.firstChild) {
      const outcome = Q.score(state.answers);
      root.dataset.result = outcome.kind + ":" + outcome.forms.join(",");
      result.replaceChildren(...Q.resultParts(state, outcome));
    }
    const card = result.firstChild;
    return Q.loadCompare().then(() => {
      if (state.shown === "result" && card.isConnected && !result.querySelector(".quiz__share")) card.after(Q.sharePanel(state));
    });
  }

  /**
   * The question asked before erasing (GOV.UK's warning button, inline, no dialog of the browser): while
   * `state.confirming` names "restart" or "forget", the line of actions holding its button gives way to the
   * question, "Yes, …" and "No, keep my answers".
   */
  function renderConfirm() {
    const key = state.confirming;
    const asked = root.querySelector("[data-confirm]");
    if (asked && asked.dataset.confirm === key) return;
    if (asked) {
      asked.previousElementSibling.hidden = false;
      asked.remove();
    }
    const line = key && (state.shown === "intro" ? intro : result).querySelector(`[data-action="${key}"]`)?.parentElement;
    if (!line) return;
    line.hidden = true;
    line.after(Q.el("div", { class: "quiz__confirm", role: "group", "aria-labelledby": "quiz-confirm", "data-confirm": key },
      Q.el("p", { class: "quiz__confirm-question", tabindex: "-1", id: "quiz-confirm" }, Q.t(key + "_confirm")),
      Q.el("p", { class: "quiz__buttons" },
        Q.el("button", { type: "button", class: "md-button quiz__warning", "data-action": key + "-yes" }, Q.t(key + "_yes")),
        Q.el("button", { type: "button", class: "md-button quiz__secondary", "data-action": "keep" }, Q.t("keep_answers")))));
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
  }

  /** A fear typed in "Another one, your own" but not added is added on leaving its step, not lost. */
  function keepOwn() {
    const typed = ownInput.value.trim();
    if (!typed) return false;
    state.own.push(typed);
    ownInput.value = "";
    return true;
  }

  /** Adds the reader's own fear or resistance, kept in this browser only. */
  function addOwn() {
    if (!keepOwn()) return;
    render();
    ownInput.focus();
  }

  /**
   * Shows one step; with `move`, brings its progress line into view and moves the focus to it.
   * @param {number} number from 1 to the number of steps
   * @param {boolean} [move]
   */
  function show(number, move) {
    keepOwn();
    state.step = Math.min(Math.max(number, 1), steps.length);
    state.shown = "steps";
    render();
    if (move) land(state.turn ? turn : progress, steps[state.step - 1]);
  }

  /**
   * Shows the result of the answers; with `move`, brings it into view and moves the focus to it.
   * @returns {Promise<void>} settled once the share panel (compare.js) is under the result card
   */
  function showResult(move) {
    keepOwn();
    state.returning = false;
    state.shown = "result";
    const done = render();
    if (move) land(result, result.querySelector("h2"));
    return done;
  }

  /** Empties the answers (the partners' name for them and the turn under way stay); the caller renders. */
  function clear() {
    form.reset(); /* what is typed in "Another one, your own", the one field not drawn from the state */
    Object.assign(state, Q.emptyState(), { label: state.label, turn: state.turn, returning: false });
  }

  /** Asks before erasing ("restart" or "forget"): the question takes the focus. */
  function ask(key) {
    state.confirming = key;
    render();
    root.querySelector("#quiz-confirm").focus();
  }

  const actions = {
    start: () => show(state.step, true),
    previous: () => show(state.step - 1, true),
    add: addOwn,
    print: () => {
      state.printing = "result";
      render();
      window.print();
    },
    restart: () => ask("restart"),
    "restart-yes": () => {
      clear();
      show(1, true);
    },
    forget: () => ask("forget"),
    "cancel-turn": () => Q.loadCompare().then(() => Q.cancelTurn()),
    compare: () => Q.loadCompare().then(() => Q.showCompare(true)),
    room: () => Q.loadCompare().then(() => Q.roomStart()),
    "forget-yes": () => {
      clear();
      state.label = "";
      state.shown = "intro";
      state.status = Q.t("forgotten");
      render();
      Q.eraseAll();
      land(root, startButton);
    },
  };

  form.addEventListener("change", () => {
    read();
    render();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (document.activeElement === ownInput && ownInput.value.trim()) return addOwn();
    keepOwn();
    if (state.returning) showResult(true);
    else if (state.step < steps.length) show(state.step + 1, true);
    else if (state.turn) Q.loadCompare().then(() => Q.roomFinish());
    else showResult(true);
  });
  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("button");
    if (!button || box.contains(button)) return; /* the comparison's own buttons: meeting.js */
    const action = button.dataset.action;
    /* the line of actions that an open question gave way to, and the button that asked it */
    const asker = button.closest("[data-confirm]")?.previousElementSibling.querySelector(`[data-action="${state.confirming}"]`);
    state.status = "";
    state.confirming = ""; /* any button closes a question left open */
    render();
    if (action === "keep") asker.focus(); /* "No, keep my answers" */
    else if (actions[action]) actions[action]();
    else if (button.dataset.goto) {
      state.returning = true; /* changing one answer from the result: its step's button goes back there */
      show(Number(button.dataset.goto), true);
    } else if (button.dataset.remove) {
      state.own.splice(Number(button.dataset.remove), 1);
      render();
      ownInput.focus();
    }
  });
  window.addEventListener("afterprint", () => {
    state.printing = "";
    render();
  });

  root.classList.add("quiz--js");
  for (const node of root.querySelectorAll("[data-nav], [data-progress], [data-intro-actions], [data-action=add]")) node.hidden = false;
  // A reload, the back button or the other language's quiz page (the same file name, whatever the page
  // is called) resume where the reader was; coming from anywhere else, the intro offers to continue or to forget.
  const arrival = performance.getEntriesByType("navigation")[0];
  const fileName = (address) => address.replace(/[?#].*$/, "").split("/").pop();
  const fresh = !arrival || (arrival.type === "navigate"
    && !(document.referrer && fileName(document.referrer) === fileName(window.location.href)));
  /* land: the one function that brings a view into sight (see above) */
  Q.flow = { state: () => state, render, show, showResult, land, clear };
  /**
   * A partner's link (quiz.html#p=…) opened, or pasted in the address bar: meeting.js reads it.
   * @returns {Promise<void>|null} settled once the comparison shows; null when the address has no link
   */
  const linked = () => (/^#p=/.test(window.location.hash) ? Q.loadCompare().then(() => Q.openLink()) : null);
  window.addEventListener("hashchange", linked);
  let opening = linked();
  if (opening) { /* the comparison shows */ } else if (state.shown === "compare" || state.shown === "room") opening = Q.loadCompare().then(() => Q.showCompare(false));
  else if (state.shown === "result") opening = showResult(false);
  else if (state.shown === "steps" && !fresh) show(state.step);
  else {
    state.shown = "intro";
    render();
  }
  // quiz.html keeps the quiz unseen (quiz--loading) until its first view is complete, compare.js
  // included: on a slow connection nothing is seen to fold, grow or move (no layout shift).
  Promise.resolve(opening).finally(() => root.classList.remove("quiz--loading"));
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
