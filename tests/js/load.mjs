// Helpers of the Node tests of quiz/js (node --test tests/js/): the browser's files run as they are, in a
// context of their own with no page (Q.root is unset, so only their pure functions are defined), and the
// reference data that tests/js/reference.py writes from partnership/quiz.py.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * The PartnershipQuiz namespace after running files of quiz/js/ in order.
 * @param {string[]} names e.g. ["scoring.js"]
 * @param {Object} [globals] what the browser would offer (e.g. localStorage), on `window`
 */
export function load(names, globals = {}) {
  const window = { PartnershipQuiz: {}, ...globals };
  const context = vm.createContext({ window });
  for (const name of names) {
    vm.runInContext(readFileSync(join(ROOT, "quiz", "js", name), "utf-8"), context, { filename: name });
  }
  return window.PartnershipQuiz;
}

/** A value made in the files' context, as plain data of this one (JSON, as a page would hand it over). */
export const plain = (value) => JSON.parse(JSON.stringify(value));

let reference;

/** The quiz's data, quiz/links.yml and the reference scorer's cases (tests/js/reference.py), read once. */
export function referenceData() {
  const python = join(ROOT, ".venv", "bin", "python"); // make test sets it up
  reference ??= JSON.parse(execFileSync(python, [join(ROOT, "tests", "js", "reference.py")],
    { cwd: ROOT, encoding: "utf-8", maxBuffer: 64 * 1024 * 1024 }));
  return reference;
}
