/**
 * The self-assessment quiz: one question at a time, answers kept in this browser only, the
 * result computed here. Everything comes from the page (quiz.html): the weights of each answer
 * in data-weights, the forms in [data-form], the texts in data-t-* attributes of [data-quiz].
 * The scoring rule is the one of hooks/_quiz.py `score`; a browser test checks they agree.
 * State is readable by tests: [data-quiz] has data-step and data-state (shown: "steps"|"result").
 */
(function () {
  "use strict";

  const STORAGE_KEY = "partenariat.quiz";
  const SVG = "http://www.w3.org/2000/svg";
  const COLON = document.documentElement.lang === "fr" ? "\u00a0: " : ": ";

  const root = document.querySelector("[data-quiz]");
  if (!root) return;
  const form = root.querySelector("form");
  const steps = Array.from(root.querySelectorAll("[data-step]"));
  const questions = steps.filter((step) => step.querySelector("[data-weights]"));
  const forms = Array.from(root.querySelectorAll("[data-form]")).map((el) => ({
    id: el.dataset.form, order: Number(el.dataset.order), name: el.dataset.name,
    definition: el.dataset.definition, href: el.dataset.href, share: el.dataset.share, talk: el.dataset.talk,
    pleasures: el.dataset.pleasures.split(" "),
  }));
  const byId = Object.fromEntries(forms.map((f) => [f.id, f]));
  const result = root.querySelector("[data-result]");
  const status = root.querySelector("[data-status]");
  const ownInput = root.querySelector("#quiz-own");
  const ownList = root.querySelector("[data-own-list]");

  /**
   * An interface text, its {placeholders} filled in.
   * @param {string} key the key of quiz/texts.yml ui, e.g. "result_clear"
   * @param {Object<string, string|number>} [values]
   * @returns {string}
   */
  function t(key, values) {
    const text = root.getAttribute("data-t-" + key.replace(/_/g, "-")) || "";
    return text.replace(/\{(\w+)\}/g, (all, name) => (values && name in values ? String(values[name]) : all));
  }

  /**
   * The answer weights of a question's option, e.g. {cooperation: 2, reciprocity: 1}.
   * @param {HTMLInputElement} input
   */
  function weightsOf(input) {
    return Object.fromEntries(input.dataset.weights.split(" ").map((pair) => {
      const [id, points] = pair.split(":");
      return [id, Number(points)];
    }));
  }

  /**
   * The scoring rule, as hooks/_quiz.py `score`: points per form; the winner (ties: nearer
   * "service"); the runner-up too when within a tenth of it ("between" neighbours, else "split").
   * @param {Object<string, string>} answers question id -> answer id
   * @returns {{scores: Object<string, number>, kind: string, forms: string[], pulls: Object<string, string[]>}}
   */
  function score(answers) {
    const scores = Object.fromEntries(forms.map((f) => [f.id, 0]));
    const chosen = [];
    for (const step of questions) {
      const input = step.querySelector(`input[value="${CSS.escape(answers[step.dataset.question] || "")}"]`);
      if (!input) continue;
      const weights = weightsOf(input);
      chosen.push([step.dataset.question, weights]);
      for (const id in weights) scores[id] += weights[id];
    }
    const ranked = forms.slice().sort((a, b) => scores[b.id] - scores[a.id] || a.order - b.order);
    const [best, second] = ranked;
    let kind = "clear";
    let named = [best];
    if (scores[best.id] === 0) {
      kind = "none";
      named = [];
    } else if (scores[second.id] > 0 && (scores[best.id] - scores[second.id]) * 10 <= scores[best.id]) {
      named = [best, second].sort((a, b) => a.order - b.order);
      kind = named[1].order - named[0].order === 1 ? "between" : "split";
    }
    const pulls = {};
    for (const f of named) pulls[f.id] = chosen.filter(([, w]) => w[f.id] > 0).map(([q]) => q);
    return { scores, kind, forms: named.map((f) => f.id), pulls };
  }

  /** @returns {{answers: Object<string,string>, wish: string, meet: string[], own: string[], step: number, shown: string}} */
  function load() {
    let saved = {};
    try {
      saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || {};
    } catch (error) { /* storage refused or unreadable: start afresh */ }
    return Object.assign({ answers: {}, wish: "", meet: [], own: [], step: 1, shown: "steps" }, saved);
  }

  let state = load();

  function save() {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) { /* nothing is kept; the quiz still works on this page */ }
  }

  /** Puts the saved answers back into the form. */
  function restore() {
    for (const input of form.querySelectorAll("input[type=radio], input[type=checkbox]")) {
      const saved = input.name === "wish" ? state.wish : input.name === "meet" ? null : state.answers[input.name];
      input.checked = input.name === "meet" ? state.meet.includes(input.value) : saved === input.value;
    }
    ownList.replaceChildren(...state.own.map((text, index) => el("li", {}, text, " ",
      el("button", { type: "button", class: "md-button", "data-remove": String(index) }, t("own_remove")))));
  }

  /**
   * Shows one step (a question) and moves the focus to it.
   * @param {number} number 1 to the number of steps
   * @param {boolean} [focus]
   */
  function show(number, focus) {
    state.step = Math.min(Math.max(number, 1), steps.length);
    state.shown = "steps";
    save();
    root.dataset.step = String(state.step);
    root.dataset.state = "steps";
    for (const step of steps) step.hidden = Number(step.dataset.step) !== state.step;
    form.hidden = false;
    result.hidden = true;
    root.querySelector("[data-progress]").textContent = t("progress", { n: state.step, total: steps.length });
    root.querySelector("[data-action=previous]").disabled = state.step === 1;
    root.querySelector("[data-action=next]").hidden = state.step === steps.length;
    root.querySelector("[data-action=result]").hidden = state.step !== steps.length;
    root.querySelector("[data-action=change]").hidden = true;
    if (focus) steps[state.step - 1].focus();
  }

  /**
   * Creates an element; strings become text (never HTML).
   * @param {string} tag
   * @param {Object<string,string>} attrs
   * @param {...(Node|string)} children
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const name in attrs) node.setAttribute(name, attrs[name]);
    node.append(...children);
    return node;
  }

  /** A link to a form's definition on the forms page. */
  function formLink(id) {
    return el("a", { href: byId[id].href }, byId[id].name);
  }

  /** A sentence whose {placeholders} are elements (links) or texts. */
  function sentence(key, values) {
    const parts = t(key).split(/(\{\w+\})/);
    return parts.map((part) => {
      const name = part.slice(1, -1);
      return part[0] === "{" && name in values ? values[name] : part;
    });
  }

  /** The seven-step scale with the points of each form, and its text equivalent. */
  function scaleFigure(outcome) {
    const most = Math.max(1, ...Object.values(outcome.scores));
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 350 120");
    svg.setAttribute("aria-hidden", "true");
    const list = el("ol", { class: "quiz__scores" });
    forms.forEach((f, index) => {
      const points = outcome.scores[f.id];
      const height = Math.round((points / most) * 90);
      const bar = document.createElementNS(SVG, "rect");
      const attrs = { x: 5 + index * 50, y: 95 - height, width: 40, height: Math.max(height, 2), rx: 3 };
      for (const name in attrs) bar.setAttribute(name, attrs[name]);
      bar.setAttribute("class", outcome.forms.includes(f.id) ? "quiz__bar quiz__bar--named" : "quiz__bar");
      const label = document.createElementNS(SVG, "text");
      label.setAttribute("x", 25 + index * 50);
      label.setAttribute("y", 114);
      label.textContent = String(f.order);
      svg.append(bar, label);
      list.append(el("li", { "data-form": f.id }, formLink(f.id), COLON,
        t(points === 1 ? "point" : "points", { count: points })));
    });
    return el("figure", { class: "quiz__figure" }, el("figcaption", {}, t("figure_title")), svg, list);
  }

  /** Reads the form into the state; returns the answers as question id -> answer id. */
  function read() {
    const data = new FormData(form);
    state.answers = {};
    for (const step of questions) {
      const value = data.get(step.dataset.question);
      if (value) state.answers[step.dataset.question] = String(value);
    }
    state.wish = String(data.get("wish") || "");
    state.meet = data.getAll("meet").map(String);
    save();
  }

  /** The legend of a question, without its number. */
  function questionText(id) {
    return root.querySelector(`[data-question="${id}"] legend`).lastChild.textContent.trim();
  }

  /** The text of the answer chosen for a question. */
  function answerText(id) {
    const input = root.querySelector(`input[name="${id}"][value="${state.answers[id]}"]`);
    return input ? input.parentElement.lastChild.textContent.trim() : t("no_answer");
  }

  /** Computes and shows the result, then moves the focus to it. */
  function showResult(focus) {
    read();
    const outcome = score(state.answers);
    state.shown = "result";
    save();
    root.dataset.state = "result";
    root.dataset.result = outcome.kind + ":" + outcome.forms.join(",");
    form.hidden = true;
    const parts = [el("h2", { id: "result", tabindex: "-1" }, t("result_title"))];
    const named = outcome.forms;
    if (outcome.kind === "none") {
      parts.push(el("p", {}, t("result_none")));
    } else {
      const key = "result_" + outcome.kind;
      const values = outcome.kind === "clear" ? { form: formLink(named[0]) } : { from: formLink(named[0]), to: formLink(named[1]) };
      parts.push(el("p", { class: "quiz__verdict" }, ...sentence(key, values)));
      parts.push(el("ul", {}, ...named.map((id) => el("li", {}, el("strong", {}, byId[id].name), " — ", byId[id].definition))));
      const missing = questions.length - Object.keys(state.answers).length;
      if (missing) parts.push(el("p", {}, t("unanswered", { count: missing })));
      parts.push(scaleFigure(outcome));
      const why = [el("h3", {}, t("why_title"))];
      for (const id of named) {
        why.push(el("p", {}, ...sentence("why_towards", { form: formLink(id) })),
          el("ul", {}, ...outcome.pulls[id].map((q) => el("li", { "data-pull": id }, questionText(q), " — ", answerText(q)))));
      }
      const elsewhere = Object.keys(state.answers).filter((q) => !named.some((id) => outcome.pulls[id].includes(q)));
      if (elsewhere.length) {
        why.push(el("p", {}, t("why_elsewhere")),
          el("ul", {}, ...elsewhere.map((q) => el("li", {}, questionText(q), " — ", answerText(q)))));
      }
      parts.push(...why, ...wishPart(named), ...metPart(), ...pleasuresPart(named));
      parts.push(el("h3", {}, t("talk_title")), el("ul", {}, ...named.map((id) => el("li", {}, byId[id].talk))));
      parts.push(...named.map((id) => el("p", { class: "quiz__share" },
        ...sentence("share", { form: el("a", { href: byId[id].share, "data-share": id }, byId[id].name) }))));
    }
    parts.push(el("h3", {}, t("your_answers")), el("ol", {}, ...questions.map((step) => el("li", {},
      questionText(step.dataset.question), " — ", answerText(step.dataset.question), " ",
      el("button", { type: "button", class: "md-button", "data-goto": step.dataset.step }, t("change"))))));
    result.replaceChildren(...parts);
    result.hidden = false;
    root.querySelector("[data-action=change]").hidden = false;
    if (focus) result.querySelector("h2").focus();
  }

  /** Where you are, where you want to be: the steps between, and what moving involves. */
  function wishPart(named) {
    const wish = byId[state.wish];
    if (!wish) return [];
    const here = named.map((id) => byId[id]).sort((a, b) => Math.abs(a.order - wish.order) - Math.abs(b.order - wish.order))[0];
    const parts = [el("h3", {}, t("wish_title"))];
    const gap = wish.order - here.order;
    if (gap === 0) {
      parts.push(el("p", {}, ...sentence("wish_same", { form: formLink(wish.id) })));
    } else {
      const way = forms.filter((f) => (gap > 0 ? f.order > here.order && f.order <= wish.order : f.order < here.order && f.order >= wish.order));
      if (gap < 0) way.reverse();
      const key = gap > 0 ? "wish_further" : "wish_back";
      parts.push(el("p", {}, ...sentence(key, { from: formLink(here.id), to: formLink(wish.id), count: String(Math.abs(gap)) })),
        el("ul", {}, ...way.map((f) => el("li", {}, formLink(f.id), " — ", f.definition))),
        el("p", {}, t(gap > 0 ? "wish_further_involves" : "wish_back_involves")));
    }
    parts.push(el("p", { class: "quiz__not-better" }, t("not_better")));
    return parts;
  }

  /** The fears and resistances ticked, linked to the text, and the reader's own. */
  function metPart() {
    const items = state.meet.map((id) => root.querySelector(`[data-item="${CSS.escape(id)}"]`)).filter(Boolean);
    if (!items.length && !state.own.length) return [el("h3", {}, t("met_title")), el("p", {}, t("met_none"))];
    return [el("h3", {}, t("met_title")), el("ul", {},
      ...items.map((a) => el("li", { "data-met": a.dataset.item }, el("a", { href: a.getAttribute("href") }, a.textContent))),
      ...state.own.map((text) => el("li", {}, text)))];
  }

  /** The pleasures of the text worth aiming for, for the forms named and the one wished. */
  function pleasuresPart(named) {
    const ids = [...new Set([...named, state.wish].filter((id) => byId[id]).flatMap((id) => byId[id].pleasures))];
    return [el("h3", {}, t("pleasures_title")), el("ul", {}, ...ids.map((id) => {
      const a = root.querySelector(`[data-item="${CSS.escape(id)}"]`);
      return el("li", { "data-pleasure": id }, el("a", { href: a.getAttribute("href") }, a.textContent));
    }))];
  }

  /** Adds the reader's own fear or resistance, kept in this browser only. */
  function addOwn() {
    const text = ownInput.value.trim();
    if (!text) return;
    state.own.push(text);
    ownInput.value = "";
    save();
    restore();
    ownInput.focus();
  }

  /** Erases the answers from the page and from this browser. */
  function forget() {
    state = Object.assign(load(), { answers: {}, wish: "", meet: [], own: [] });
    form.reset();
    restore();
    result.replaceChildren();
    delete root.dataset.result;
    show(1, true);
    try {
      window.localStorage.removeItem(STORAGE_KEY); /* after show(), which saves the step */
    } catch (error) { /* nothing was kept */ }
    status.textContent = t("forgotten");
  }

  form.addEventListener("change", () => read());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (document.activeElement === ownInput) addOwn();
    else if (state.step < steps.length) show(state.step + 1, true);
    else showResult(true);
  });
  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("button");
    if (!button) return;
    status.textContent = "";
    const action = button.dataset.action;
    if (action === "previous") show(state.step - 1, true);
    else if (action === "next") show(state.step + 1, true);
    else if (action === "result") return; /* the form's submit event does it */
    else if (action === "add") addOwn();
    else if (action === "change") show(1, true);
    else if (action === "forget") forget();
    else if (button.dataset.goto) show(Number(button.dataset.goto), true);
    else if (button.dataset.remove) {
      state.own.splice(Number(button.dataset.remove), 1);
      save();
      restore();
      ownInput.focus();
    }
  });

  root.classList.add("quiz--js");
  for (const hidden of root.querySelectorAll(".quiz__nav, .quiz__actions, [data-progress], [data-action=add]")) {
    hidden.hidden = false;
  }
  restore();
  if (state.shown === "result") {
    show(state.step);
    showResult(false);
  } else {
    show(state.step);
  }
  window.partnershipQuiz = { score };
})();
