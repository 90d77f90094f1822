/**
 * The result: a card (the form found, its definition, whether the reader's own view agrees, the
 * actions, then its place on the figure: the actions come first in Tab order), then why, the way to the form wished, what the reader meets, the
 * pleasures worth aiming for and what to talk about. Every text comes from the page; every value
 * from the reader is inserted as text.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  const { el, t, sentence } = Q;

  /** A link to a form's definition on the forms page. */
  function formLink(id) {
    return el("a", { href: Q.byId[id].href }, Q.byId[id].name);
  }

  /** The fieldset of a step by its question id. */
  function fieldset(question) {
    return Q.root.querySelector(`fieldset[data-question="${CSS.escape(question)}"]`);
  }

  /** A question's text, without its number (the comparison's too). */
  const questionText = Q.questionText = function (question) {
    return fieldset(question).querySelector("legend").lastChild.textContent.trim();
  };

  /** The text of an answer of a question (the comparison's too). */
  const answerText = Q.answerText = function (question, answer) {
    const input = Array.from(fieldset(question).querySelectorAll("input")).find((node) => node.value === answer);
    return input ? input.parentElement.lastElementChild.textContent.trim() : t("no_answer");
  };

  /** The form an answer gives the most points to (ties: nearer "service"). */
  function strongest(weights) {
    return Q.forms.filter((form) => weights[form.id]).sort((a, b) => weights[b.id] - weights[a.id] || a.order - b.order)[0];
  }

  /** One answer of the reader, with a button to change it. */
  function answerItem(state, question, extra) {
    const number = fieldset(question).dataset.step;
    return el("li", { "data-answer": question }, el("span", {}, questionText(question)), " — ",
      el("strong", {}, answerText(question, state.answers[question])), ...(extra || []), " ",
      el("button", { type: "button", class: "md-button quiz__secondary quiz__change", "data-goto": number,
        "aria-label": t("change_label", { n: number }) }, t("change")));
  }

  /** The card: what the answers describe, the figure, the reader's own view, the actions. */
  function card(state, outcome) {
    const named = outcome.forms;
    const parts = [];
    if (outcome.kind === "none") {
      parts.push(el("h2", { id: "result", tabindex: "-1", class: "quiz-card__name" }, t("result_none")));
    } else {
      const name = named.length === 1 ? Q.byId[named[0]].name
        : t("result_pair", { from: Q.byId[named[0]].name, to: Q.byId[named[1]].name });
      parts.push(el("p", { class: "quiz-card__kicker" }, t("result_" + outcome.kind)),
        el("h2", { id: "result", tabindex: "-1", class: "quiz-card__name" }, name),
        ...named.map((id) => el("p", { class: "quiz-card__definition", "data-definition": id },
          named.length > 1 ? el("strong", {}, Q.byId[id].name + Q.COLON) : "", Q.byId[id].definition)));
      if (outcome.kind === "split") parts.push(el("p", {}, t("result_split_note")));
      parts.push(selfPart(state, outcome));
    }
    /* one primary action (compare), the others secondary (GOV.UK); the public page is a link, not a button */
    const button = (action, kind) => el("button", { type: "button", class: "md-button " + kind, "data-action": action }, t(action));
    const actions = el("p", { class: "quiz-card__actions" });
    if (named.length) actions.append(button("compare", "md-button--primary"), " ");
    actions.append(button("print", "quiz__secondary"), " ", button("restart", "quiz__secondary"), " ",
      button("forget", "quiz__secondary"));
    parts.push(actions);
    if (named.length) {
      parts.push(el("p", { class: "quiz-card__share" }, el("a", { href: Q.byId[named[0]].share, "data-share": named[0] }, t("share"))));
    }
    const figure = named.length ? Q.figure(named) : null;
    if (figure) parts.push(figure);
    return el("div", { class: "quiz-card" }, ...parts);
  }

  /** Whether the answers agree with the description the reader chose. */
  function selfPart(state, outcome) {
    const self = Q.byId[state.self];
    if (!self) return el("p", { class: "quiz-card__self", "data-self": "none" }, t("self_none"));
    if (outcome.forms.includes(self.id)) {
      return el("p", { class: "quiz-card__self", "data-self": "agree" }, ...sentence("self_agree", { form: formLink(self.id) }));
    }
    return el("p", { class: "quiz-card__self", "data-self": "differ" }, ...sentence("self_differ", { form: formLink(self.id) }));
  }

  /** The answers that pull away from the description the reader chose, when they disagree. */
  function gapPart(state, outcome) {
    const self = Q.byId[state.self];
    if (!self || outcome.kind === "none" || outcome.forms.includes(self.id)) return [];
    const away = Q.questions.map((node) => node.dataset.question).filter((question) => {
      const weights = Q.weights(question, state.answers[question] || "");
      const top = strongest(weights);
      return top && (weights[self.id] || 0) < weights[top.id];
    });
    return [el("p", {}, ...sentence("gap_title", { form: formLink(self.id) })), el("ul", { class: "quiz__gap" }, ...away.map((question) => {
      const top = strongest(Q.weights(question, state.answers[question]));
      return answerItem(state, question, [" (", ...sentence("pulls_to", { form: formLink(top.id) }), ")"]);
    }))];
  }

  /** Why: the points of each form, then each answer once, by the form it pulled towards. */
  function whyPart(state, outcome) {
    const named = outcome.forms;
    const details = el("details", { class: "quiz__why" }, el("summary", {}, t("why_title")),
      el("p", {}, t("why_scores")),
      el("ul", { class: "quiz__scores" }, ...Q.forms.map((form) => el("li", { "data-form-score": form.id },
        formLink(form.id), Q.COLON, Q.points(outcome.scores[form.id])))));
    const listed = new Set();
    for (const id of named) {
      const questions = outcome.pulls[id].filter((question) => !listed.has(question));
      questions.forEach((question) => listed.add(question));
      if (questions.length) {
        details.append(el("p", {}, ...sentence("why_towards", { form: formLink(id) })),
          el("ul", {}, ...questions.map((question) => answerItem(state, question))));
      }
    }
    const elsewhere = Q.questions.map((node) => node.dataset.question)
      .filter((question) => state.answers[question] && !listed.has(question));
    if (elsewhere.length) {
      details.append(el("p", {}, t("why_elsewhere")), el("ul", {}, ...elsewhere.map((question) => answerItem(state, question))));
    }
    return details;
  }

  /** Where you are, where you want to be: the steps between, and what moving involves. */
  function wishPart(state, named) {
    const wish = Q.byId[state.wish];
    if (!wish || !named.length) return [];
    const here = named.map((id) => Q.byId[id]).sort((a, b) => Math.abs(a.order - wish.order) - Math.abs(b.order - wish.order))[0];
    const parts = [el("h3", {}, t("wish_title"))];
    const gap = wish.order - here.order;
    if (gap === 0) {
      parts.push(el("p", {}, ...sentence("wish_same", { form: formLink(wish.id) })));
    } else {
      const way = Q.forms.filter((f) => (gap > 0 ? f.order > here.order && f.order <= wish.order : f.order < here.order && f.order >= wish.order));
      if (gap < 0) way.reverse();
      const steps = Math.abs(gap) === 1 ? t("step_one") : t("step_many", { count: Math.abs(gap) });
      parts.push(el("p", {}, ...sentence(gap > 0 ? "wish_further" : "wish_back", { from: formLink(here.id), to: formLink(wish.id), steps })),
        el("ul", {}, ...way.map((f) => el("li", {}, formLink(f.id), " — ", f.definition))),
        el("p", {}, t(gap > 0 ? "wish_further_involves" : "wish_back_involves")));
    }
    parts.push(el("p", { class: "quiz__not-better" }, t("not_better")));
    return parts;
  }

  /** A fear, resistance or pleasure of the text, linked to it. */
  function itemLink(id) {
    const link = Q.root.querySelector(`[data-item="${CSS.escape(id)}"]`);
    return link ? el("a", { href: link.getAttribute("href") }, link.textContent) : null;
  }

  /** The fears and resistances ticked, linked to the text, and the reader's own. */
  function metPart(state) {
    const items = state.meet.map((id) => [id, itemLink(id)]).filter(([, link]) => link);
    if (!items.length && !state.own.length) return [el("h3", {}, t("met_title")), el("p", {}, t("met_none"))];
    return [el("h3", {}, t("met_title")), el("ul", {},
      ...items.map(([id, link]) => el("li", { "data-met": id }, link)),
      ...state.own.map((text) => el("li", {}, text)))];
  }

  /** The pleasures of the text worth aiming for, for the forms found and the one wished. */
  function pleasuresPart(state, named) {
    const ids = [...new Set([...named, state.wish].filter((id) => Q.byId[id]).flatMap((id) => Q.byId[id].pleasures))];
    return [el("h3", {}, t("pleasures_title")),
      el("ul", {}, ...ids.map((id) => el("li", { "data-pleasure": id }, itemLink(id))))];
  }

  /**
   * The whole result, as elements to put in the result section.
   * @param {Object} state see storage.js
   * @param {ReturnType<typeof Q.score>} outcome
   * @returns {HTMLElement[]}
   */
  Q.resultParts = function (state, outcome) {
    const parts = [card(state, outcome)];
    if (outcome.kind === "none") return parts;
    const missing = Q.questions.filter((node) => !state.answers[node.dataset.question]).length;
    if (missing) parts.push(el("p", { class: "quiz__unanswered" }, missing === 1 ? t("unanswered_one") : t("unanswered_many", { count: missing })));
    const named = outcome.forms;
    parts.push(...gapPart(state, outcome), whyPart(state, outcome), ...wishPart(state, named), ...metPart(state),
      ...pleasuresPart(state, named), el("h3", {}, t("talk_title")),
      el("ul", {}, ...named.map((id) => el("li", {}, Q.byId[id].talk))));
    return parts;
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
