// The link codec (quiz/js/codec.js): a link of every version of quiz/links.yml opens to what it was made
// with, today's links carry a reader's whole state there and back, and a damaged link is said to be one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { load, plain, referenceData } from "./load.mjs";

const Q = load(["codec.js"]);
const { quiz, links } = referenceData();
/** What the quiz has now, as the page's part of codec.js reads it. */
const now = {
  answers: Object.fromEntries(quiz.questions.map((q) => [q.id, q.answers.map((a) => a.id)])),
  forms: quiz.forms.map((f) => f.id),
  items: quiz.items,
};
const renamed = (kind, id) => (links.renamed[kind] || {})[id] || id;
const empty = { answers: {}, self: "", wish: "", meet: [], own: [] };
const decode = (code, table = links, current = now) => plain(Q.decodeLink(table, current, code));

/**
 * States that, together, carry every answer of a version's table at its place, every form as the reader's own
 * view and wish (and "I don't know"), and every fear or resistance: the k-th gives each question its k-th answer.
 */
function statesOf(version) {
  const tables = Object.entries(version.questions);
  const forms = [...version.forms, "unknown"];
  const count = Math.max(forms.length, ...tables.map(([, ids]) => ids.length));
  return Array.from({ length: count }, (_, k) => ({
    answers: Object.fromEntries(tables.filter(([, ids]) => k < ids.length).map(([q, ids]) => [q, ids[k]])),
    self: forms[k % forms.length],
    wish: forms[(k + 3) % forms.length],
    meet: version.items.filter((_, index) => (index + k) % 2 === 0),
    own: [],
  }));
}

/** What a state made with an old version reads as today (links.yml `renamed`). */
function today(state) {
  const form = (id) => (id === "unknown" ? id : renamed("forms", id));
  return {
    answers: Object.fromEntries(Object.entries(state.answers).map(([q, a]) => [renamed("questions", q), links.renamed.answers?.[`${q}/${a}`] || a])),
    self: form(state.self), wish: form(state.wish), meet: state.meet.map((id) => renamed("items", id)),
  };
}

for (const version of links.versions) {
  test(`a link of version ${version.version} opens to every answer, form and item it carries`, () => {
    for (const state of statesOf(version)) {
      const code = Q.encodeLink(links, state, `V${version.version}`, false, version.version);
      assert.ok(code.startsWith(`${version.version}.`), code);
      const read = decode(code);
      assert.deepEqual({ status: read.status, unread: read.unread, answers: read.answers, self: read.self, wish: read.wish,
        meet: read.meet, label: read.label }, { status: "ok", unread: 0, ...today(state), label: `V${version.version}` }, code);
    }
  });
}

test("today's link carries a reader's state, label and own fears there and back", () => {
  const latest = links.versions.at(-1);
  let seed = 7;
  const pick = (list) => list[(seed = (seed * 16807) % 2147483647) % list.length];
  for (let n = 0; n < 200; n++) {
    const state = {
      answers: Object.fromEntries(quiz.questions.filter(() => pick([true, false])).map((q) => [q.id, pick(q.answers).id])),
      self: pick(["", "unknown", ...now.forms]), wish: pick(["", "unknown", ...now.forms]),
      meet: latest.items.filter(() => pick([true, false])),
      own: pick([[], ["Perdre la main. Vraiment ?"], ["100 % «\u00a0nous\u00a0»", "a.b#c&d=e%20f", "ligne\u00a0deux"]]),
    };
    const label = pick(["", "Association A", "Jardins (partagés) du quartier !", "Les 3.0 ~ *amis*"]);
    const read = decode(Q.encodeLink(links, state, label, true));
    assert.equal(read.status, "ok");
    assert.deepEqual({ answers: read.answers, self: read.self, wish: read.wish, meet: read.meet, label: read.label, own: read.own },
      { answers: state.answers, self: state.self, wish: state.wish, meet: state.meet, label, own: state.own });
  }
});

test("the reader's own fears travel only when asked", () => {
  const state = { ...empty, own: ["Perdre la main"] };
  assert.deepEqual(decode(Q.encodeLink(links, state, "A", false)).own, []);
  assert.deepEqual(decode(Q.encodeLink(links, state, "A", true)).own, ["Perdre la main"]);
});

test("an id renamed since a link was made is followed to its new name", () => {
  const [question, ids] = Object.entries(links.versions[0].questions)[0];
  const table = { ...links, renamed: { ...links.renamed, questions: { [question]: "renamed-question" } } };
  const moved = { ...now, answers: { ...now.answers, "renamed-question": now.answers[question] } };
  delete moved.answers[question];
  const code = Q.encodeLink(links, { ...empty, answers: { [question]: ids[0] } }, "", false, 1);
  assert.deepEqual(decode(code, table, moved).answers, { "renamed-question": ids[0] });
});

test("an answer the quiz no longer has is counted as unread, never guessed", () => {
  const [question, ids] = Object.entries(links.versions[0].questions)[0];
  const other = Object.keys(links.versions[0].questions)[1];
  const fewer = { ...now, answers: { ...now.answers, [question]: now.answers[question].filter((id) => id !== ids[0]) } };
  const code = Q.encodeLink(links, { ...empty, answers: { [question]: ids[0], [other]: ids[0] } }, "", false, 1);
  const read = decode(code, links, fewer);
  assert.deepEqual([read.status, read.unread, read.answers], ["partial", 1, { [other]: ids[0] }]);
});

test("damaged, future and over-long links are said to be so", () => {
  assert.equal(decode("bonjour").status, "damaged");
  assert.equal(decode("1.%%%.zz.xyz").status, "damaged");
  assert.equal(decode(`${links.versions.length + 1}.a.--.0.A`).status, "future");
  assert.equal(decode(`1.${"a".repeat(Q.LINK_MAX)}`).status, "long");
  assert.equal(decode(undefined).status, "damaged");
});

test("a link's code is found in an address or a pasted text", () => {
  assert.equal(Q.codeIn("https://example.org/fr/quiz.html#p=2.abc.12.3.A"), "2.abc.12.3.A");
  assert.equal(Q.codeIn("  p=2.abc.12.3.A \n"), "2.abc.12.3.A");
  assert.equal(Q.codeIn("https://example.org/fr/quiz.html"), null);
});
