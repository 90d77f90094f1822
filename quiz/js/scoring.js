/**
 * The scoring rule, the same as hooks/_quiz.py `score` (a browser test checks they agree): each
 * answer adds its points (data-weights) to its forms; the form with the most points wins (ties:
 * the one nearer "service"); the runner-up is named too when within a tenth of the winner,
 * "between" when they are neighbours on the scale, "split" otherwise.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;

  /** @type {{id: string, order: number, name: string, definition: string, href: string, share: string, talk: string, pleasures: string[]}[]} */
  Q.forms = Array.from(Q.root.querySelectorAll("[data-form][data-order]")).map((node) => ({
    id: node.dataset.form, order: Number(node.dataset.order), name: node.dataset.name,
    definition: node.dataset.definition, href: node.dataset.href, share: node.dataset.share,
    talk: node.dataset.talk, pleasures: node.dataset.pleasures.split(" "),
  }));
  Q.byId = Object.fromEntries(Q.forms.map((form) => [form.id, form]));
  /** The scored questions: their fieldsets, in order. */
  Q.questions = Array.from(Q.root.querySelectorAll("fieldset[data-question]"))
    .filter((fieldset) => fieldset.querySelector("[data-weights]"));

  /**
   * The points an answer gives, e.g. {cooperation: 2, reciprocity: 1}; {} for an unknown answer or one that
   * gives none ("I don't know": data-weights="").
   * @param {string} question question id
   * @param {string} answer answer id
   * @returns {Object<string, number>}
   */
  Q.weights = function (question, answer) {
    const input = Array.from(Q.root.querySelectorAll("input[data-weights]"))
      .find((node) => node.name === question && node.value === answer);
    if (!input || !input.dataset.weights) return {};
    return Object.fromEntries(input.dataset.weights.split(" ").map((pair) => {
      const [id, points] = pair.split(":");
      return [id, Number(points)];
    }));
  };

  /**
   * @param {Object<string, string>} answers question id -> answer id
   * @returns {{scores: Object<string, number>, kind: string, forms: string[], pulls: Object<string, string[]>}}
   */
  Q.score = function (answers) {
    const scores = Object.fromEntries(Q.forms.map((form) => [form.id, 0]));
    const chosen = [];
    for (const fieldset of Q.questions) {
      const question = fieldset.dataset.question;
      const weights = Q.weights(question, answers[question] || "");
      if (!Object.keys(weights).length) continue;
      chosen.push([question, weights]);
      for (const id in weights) scores[id] += weights[id];
    }
    const ranked = Q.forms.slice().sort((a, b) => scores[b.id] - scores[a.id] || a.order - b.order);
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
    for (const form of named) pulls[form.id] = chosen.filter(([, weights]) => weights[form.id] > 0).map(([q]) => q);
    return { scores, kind, forms: named.map((form) => form.id), pulls };
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
