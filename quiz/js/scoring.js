/**
 * The scoring rule, the same as hooks/_quiz.py `score` (tests/js/scoring.test.mjs and a browser test
 * check they agree): each answer adds its points to its forms; the form with the most points wins
 * (ties: the one nearer "service"); the runner-up is named too when within a tenth of the winner,
 * "between" when they are neighbours on the scale, "split" otherwise.
 *
 * `Q.scoreQuiz` and `Q.weightsIn` are pure functions over the quiz's data (no page needed: Node's
 * tests run them); the page's part below only reads that data from the quiz's markup.
 */
(function (Q) {
  "use strict";

  /**
   * @typedef {Object} QuizData
   * @property {{id: string, order: number}[]} forms the seven forms, with their place on the scale (1-7)
   * @property {{id: string, answers: {id: string, weights: Object<string, number>}[]}[]} questions
   *   the scored questions in order, each answer with the points it gives (e.g. {cooperation: 2})
   */

  /**
   * The points an answer gives, e.g. {cooperation: 2, reciprocity: 1}; {} for an unknown answer or one that
   * gives none ("I don't know").
   * @param {QuizData} quiz
   * @param {string} question question id
   * @param {string} answer answer id
   * @returns {Object<string, number>}
   */
  Q.weightsIn = function (quiz, question, answer) {
    const asked = quiz.questions.find((q) => q.id === question);
    const chosen = asked && asked.answers.find((a) => a.id === answer);
    return chosen ? Object.assign({}, chosen.weights) : {};
  };

  /**
   * @param {QuizData} quiz
   * @param {Object<string, string>} answers question id -> answer id
   * @returns {{scores: Object<string, number>, kind: string, forms: string[], pulls: Object<string, string[]>}}
   */
  Q.scoreQuiz = function (quiz, answers) {
    const scores = Object.fromEntries(quiz.forms.map((form) => [form.id, 0]));
    const chosen = [];
    for (const question of quiz.questions) {
      const weights = Q.weightsIn(quiz, question.id, answers[question.id] || "");
      if (!Object.keys(weights).length) continue;
      chosen.push([question.id, weights]);
      for (const id in weights) scores[id] += weights[id];
    }
    const ranked = quiz.forms.slice().sort((a, b) => scores[b.id] - scores[a.id] || a.order - b.order);
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

  /** The quiz's data, read once from the page: its answers' data-weights="cooperation:2 reciprocity:1". @type {QuizData} */
  Q.quiz = {
    forms: Q.forms.map((form) => ({ id: form.id, order: form.order })),
    questions: Q.questions.map((fieldset) => ({
      id: fieldset.dataset.question,
      answers: Array.from(fieldset.querySelectorAll("input[data-weights]")).map((input) => ({
        id: input.value,
        weights: Object.fromEntries(input.dataset.weights.split(" ").filter(Boolean).map((pair) => {
          const [id, points] = pair.split(":");
          return [id, Number(points)];
        })),
      })),
    })),
  };

  /** The points an answer of this quiz gives (Q.weightsIn). */
  Q.weights = (question, answer) => Q.weightsIn(Q.quiz, question, answer);

  /** This quiz's result for the answers (Q.scoreQuiz). */
  Q.score = (answers) => Q.scoreQuiz(Q.quiz, answers);
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
