// What the quiz keeps in the browser (quiz/js/storage.js): one file names every key and reads and writes
// them; the rest of quiz/js/ asks it. Run here with a storage that keeps its items in memory.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { load, plain, ROOT } from "./load.mjs";

const FOLDER = join(ROOT, "quiz", "js");

/** A Web Storage that keeps items in a Map (the methods the quiz uses), or refuses every call. */
function storage({ refuses = false } = {}) {
  const items = new Map();
  const refuse = () => { throw new Error("SecurityError: storage refused"); };
  return {
    items,
    getItem: (key) => (refuses ? refuse() : items.has(key) ? items.get(key) : null),
    setItem: (key, value) => (refuses ? refuse() : items.set(key, String(value))),
    removeItem: (key) => (refuses ? refuse() : items.delete(key)),
  };
}

function browser(options) {
  const localStorage = storage(options);
  const sessionStorage = storage(options);
  return { Q: load(["storage.js"], { localStorage, sessionStorage }), localStorage, sessionStorage };
}

test("no other file of quiz/js names a key or the browser's storage", () => {
  const naming = readdirSync(FOLDER).filter((name) => name.endsWith(".js") && name !== "storage.js")
    .filter((name) => /partenariat\.|localStorage|sessionStorage/.test(readFileSync(join(FOLDER, name), "utf-8")));
  assert.deepEqual(naming, []);
});

test("every key storage.js uses is one of the keys it exports", () => {
  const source = readFileSync(join(FOLDER, "storage.js"), "utf-8");
  const named = new Set(source.match(/"partenariat\.[a-z.-]+"/g).map((key) => key.slice(1, -1)));
  assert.deepEqual(named, new Set(Object.values(browser().Q.STORAGE_KEYS)));
});

test("the answers are kept and read back, foreign values left out", () => {
  const { Q, localStorage } = browser();
  const state = { ...plain(Q.emptyState()), answers: { opinion: "b" }, self: "unknown", meet: ["fear-soul"], step: 4 };
  Q.save(state);
  assert.deepEqual(plain(Q.load()), state);
  localStorage.setItem(Q.STORAGE_KEYS.answers, JSON.stringify({ answers: { opinion: 3, esteem: "a" }, meet: [1, "x"], step: "2" }));
  assert.deepEqual(plain(Q.load()), { ...plain(Q.emptyState()), answers: { esteem: "a" }, meet: ["x"] });
  localStorage.setItem(Q.STORAGE_KEYS.answers, "{not json");
  assert.deepEqual(plain(Q.load()), plain(Q.emptyState()));
});

test("at most six partners are kept, and none removes the key", () => {
  const { Q, localStorage } = browser();
  const list = Array.from({ length: Q.MAX_PARTNERS + 2 }, (_, n) => ({ label: `P${n}`, code: `1.a.--.0.P${n}` }));
  Q.savePartners(list);
  assert.deepEqual(plain(Q.partners()), list.slice(0, Q.MAX_PARTNERS));
  Q.savePartners([]);
  assert.equal(localStorage.items.has(Q.STORAGE_KEYS.partners), false);
});

test("forgetting everything leaves no key of the quiz in the browser", () => {
  const { Q, localStorage } = browser();
  Q.save(Q.emptyState());
  Q.savePartners([{ label: "A", code: "1.a.--.0.A" }]);
  Q.setRoom({ label: "B" });
  assert.equal(Q.roomActive(), true);
  Q.eraseAll();
  assert.deepEqual([...localStorage.items.keys()], []);
  assert.equal(Q.roomActive(), false);
});

test("the partnership's name is kept for the visit only", () => {
  const { Q, localStorage, sessionStorage } = browser();
  Q.setPartnershipName("Jardins partagés");
  assert.equal(Q.partnershipName(), "Jardins partagés");
  assert.deepEqual([[...localStorage.items.keys()], [...sessionStorage.items.keys()]], [[], [Q.STORAGE_KEYS.partnership]]);
});

test("a browser that refuses storage gets an empty quiz, and nothing fails", () => {
  const { Q } = browser({ refuses: true });
  Q.save(Q.emptyState());
  Q.savePartners([{ label: "A", code: "1" }]);
  Q.setRoom({ label: "B" });
  Q.setPartnershipName("X");
  Q.eraseAll();
  Q.erase();
  assert.deepEqual([plain(Q.load()), Q.hasSaved(), plain(Q.partners()), Q.room(), Q.partnershipName()],
    [plain(Q.emptyState()), false, [], null, ""]);
});
