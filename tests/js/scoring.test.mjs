// The browser's scorer (quiz/js/scoring.js) gives what the reference scorer (partnership/quiz.py score) gives,
// on the cases tests/js/reference.py computes with it (quiz/README.md, "The scoring rule").
import assert from "node:assert/strict";
import { test } from "node:test";
import { load, plain, referenceData } from "./load.mjs";

const Q = load(["scoring.js"]);
const { quiz, cases } = referenceData();

test("the cases try every kind of result", () => {
  assert.deepEqual(new Set(cases.map((c) => c.outcome.kind)), new Set(["none", "clear", "between", "split"]));
});

test("the scorer agrees with the reference scorer on every case", () => {
  const disagreements = cases.filter((c) => !sameOutcome(plain(Q.scoreQuiz(quiz, c.answers)), c.outcome));
  assert.deepEqual(disagreements.slice(0, 3).map((c) => [c.answers, plain(Q.scoreQuiz(quiz, c.answers)), c.outcome]), [],
    `${disagreements.length} of ${cases.length} cases disagree`);
});

test("an answer gives its points; an unknown question or answer gives none", () => {
  const [question] = quiz.questions;
  const [answer] = question.answers;
  assert.deepEqual(plain(Q.weightsIn(quiz, question.id, answer.id)), answer.weights);
  assert.deepEqual(plain(Q.weightsIn(quiz, question.id, "no-such-answer")), {});
  assert.deepEqual(plain(Q.weightsIn(quiz, "no-such-question", answer.id)), {});
});

test("the points an answer gives cannot be changed through what the scorer hands out", () => {
  const question = quiz.questions.find((q) => q.answers.some((a) => Object.keys(a.weights).length));
  const answer = question.answers.find((a) => Object.keys(a.weights).length);
  const before = plain(Q.scoreQuiz(quiz, { [question.id]: answer.id }));
  const weights = Q.weightsIn(quiz, question.id, answer.id);
  for (const id in weights) weights[id] += 100;
  assert.deepEqual(plain(Q.scoreQuiz(quiz, { [question.id]: answer.id })), before);
});

/** The same outcome, whatever the order of the keys of its objects. */
function sameOutcome(a, b) {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}
