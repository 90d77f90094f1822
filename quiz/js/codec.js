/**
 * Shared links: a reader's answers carried in the fragment of a link (after "#", never sent to a
 * server), e.g. quiz.html#p=1.cadbe-dcbab.56.2a1.Association%20A
 *
 *   version . answers . self wish . fears . label [. own]
 *
 * version: the table of quiz/links.yml the link was made with (links made with an older table
 * keep opening); answers: one letter per question of that table, the answer's place in its list
 * (a = first), "-" for none; self, wish: the form's place (1-7), 0 for "I don't know", "-" for
 * none; fears: the fears and resistances ticked, as bits in hexadecimal; label and own: text,
 * percent-encoded, with "." written %2E. Ids renamed since are followed (links.yml `renamed`);
 * what the quiz no longer has is reported, never guessed. docs/links.md describes the format.
 */
(function (Q) {
  "use strict";

  /**
   * `Q.encodeLink`, `Q.decodeLink` and `Q.codeIn` are pure functions over the table of links and the quiz as
   * it is now (Node's tests run them: tests/js/codec.test.mjs); the page's part at the end reads the quiz.
   * @typedef {{versions: {version: number, questions: Object<string, string[]>, forms: string[], items: string[]}[],
   *   renamed: {questions?: Object<string, string>, answers?: Object<string, string>, forms?: Object<string, string>,
   *   items?: Object<string, string>}}} LinkTable quiz/links.yml
   * @typedef {{answers: Object<string, string[]>, forms: string[], items: string[]}} Now what the quiz has now:
   *   each scored question's answer ids, the form ids, the fears' and resistances' ids
   */

  /** The longest fragment read, and the limits of what a link may carry. */
  Q.LINK_MAX = 1200;
  Q.LABEL_MAX = 60;
  const OWN_MAX = 5;

  /** Text safe between the separators of a link. */
  function encodeText(text) {
    return encodeURIComponent(text).replace(/[.!'()*~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  }

  /** Text read from a link: decoded, control characters and surplus length left out; "" if unreadable. */
  function decodeText(part, max) {
    try {
      return decodeURIComponent(part).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").trim().slice(0, max);
    } catch (error) {
      return "";
    }
  }

  /**
   * The link fragment (without "#p=") that carries a state, in the latest format (or in an older one).
   * @param {LinkTable} table
   * @param {{answers: Object<string,string>, self: string, wish: string, meet: string[], own: string[]}} state
   * @param {string} label
   * @param {boolean} withOwn whether the reader's own fears and resistances travel too
   * @param {number} [number] the version of the table to write with (tests: links of every version)
   * @returns {string}
   */
  Q.encodeLink = function (table, state, label, withOwn, number) {
    const v = table.versions[(number || table.versions.length) - 1];
    const answers = Object.entries(v.questions).map(([question, ids]) => {
      const index = ids.indexOf(state.answers[question]);
      return index < 0 ? "-" : String.fromCharCode(97 + index);
    }).join("");
    const form = (id) => (id === "unknown" ? "0" : v.forms.indexOf(id) < 0 ? "-" : String(v.forms.indexOf(id) + 1));
    let bits = 0;
    v.items.forEach((id, index) => { if (state.meet.includes(id)) bits += 2 ** index; });
    const parts = [String(v.version), answers, form(state.self) + form(state.wish), bits.toString(16),
      encodeText(String(label || "").trim().slice(0, Q.LABEL_MAX))];
    const own = withOwn ? state.own.slice(0, OWN_MAX).map((text) => text.slice(0, 200)) : [];
    if (own.length) parts.push(encodeText(own.join("\n")));
    return parts.join(".");
  };

  /**
   * What a link fragment carries, checked against the quiz as it is now.
   * status: "ok"; "partial" (some answers could not be read: `unread` counts them); "damaged"
   * (nothing could be read); "future" (made by a newer version of the site); "long" (over the cap).
   * @param {LinkTable} table
   * @param {Now} now
   * @param {string} code the fragment after "#p="
   * @returns {{status: string, unread: number, answers: Object<string,string>, self: string, wish: string, meet: string[], label: string, own: string[]}}
   */
  Q.decodeLink = function (table, now, code) {
    const versions = table.versions || [];
    const renamed = table.renamed || {};
    const result = { status: "damaged", unread: 0, answers: {}, self: "", wish: "", meet: [], label: "", own: [] };
    if (typeof code !== "string") return result;
    if (code.length > Q.LINK_MAX) return Object.assign(result, { status: "long" });
    const parts = code.split(".");
    if (!/^[1-9][0-9]{0,3}$/.test(parts[0])) return result;
    const number = Number(parts[0]);
    if (number > versions.length) return Object.assign(result, { status: "future" });
    const v = versions[number - 1];
    let read = 0;
    let unread = 0;
    const letters = parts[1] || "";
    const questions = Object.entries(v.questions);
    if (!/^[a-z-]*$/.test(letters) || letters.length > questions.length) unread += questions.length;
    else {
      questions.forEach(([question, ids], index) => {
        const letter = letters[index];
        if (letter === undefined) { unread++; return; }
        if (letter === "-") return;
        const id = ids[letter.charCodeAt(0) - 97];
        const today = (renamed.questions || {})[question] || question;
        const answer = (renamed.answers || {})[`${question}/${id}`] || id;
        if (id !== undefined && (now.answers[today] || []).includes(answer)) {
          result.answers[today] = answer;
          read++;
        } else unread++;
      });
    }
    const form = (char) => {
      if (char === "0") return "unknown";
      const id = v.forms[Number(char) - 1];
      const today = id && ((renamed.forms || {})[id] || id);
      return today && now.forms.includes(today) ? today : "";
    };
    const forms = parts[2] || "";
    if (/^[0-9-]{2}$/.test(forms)) {
      for (const [name, char] of [["self", forms[0]], ["wish", forms[1]]]) {
        if (char === "-") continue;
        result[name] = form(char);
        if (result[name]) read++;
        else unread++;
      }
    } else if (forms) unread++;
    const bits = parts[3] || "";
    if (/^[0-9a-f]{1,8}$/.test(bits)) {
      const value = parseInt(bits, 16);
      v.items.forEach((id, index) => {
        if (!(Math.floor(value / 2 ** index) % 2)) return;
        const today = (renamed.items || {})[id] || id;
        if (now.items.includes(today)) result.meet.push(today);
        else unread++;
      });
      if (value >= 2 ** v.items.length) unread++;
      read++;
    } else if (bits) unread++;
    result.label = decodeText(parts[4] || "", Q.LABEL_MAX);
    if (parts[5]) result.own = parts[5].split("%0A").slice(0, OWN_MAX).map((part) => decodeText(part, 200)).filter(Boolean);
    if (parts.length > 6) unread++;
    result.unread = unread;
    result.status = !read ? "damaged" : unread ? "partial" : "ok";
    return result;
  };

  /**
   * The link fragment in an address or a pasted text ("…quiz.html#p=…" or the code alone), or null.
   * @param {string} text
   * @returns {string|null}
   */
  Q.codeIn = function (text) {
    const match = String(text || "").trim().match(/(?:^|#)p=([^\s#]*)$/);
    return match ? match[1] : null;
  };

  if (!Q.root) return;
  const table = { versions: [], renamed: {}, ...Q.links }; /* quiz/links.yml, at the head of compare.js (hooks/quiz.py) */
  /** @type {Now} what this page's quiz has: its answers (scoring.js read them), forms, fears and resistances */
  const now = {
    answers: Object.fromEntries(Q.quiz.questions.map((question) => [question.id, question.answers.map((a) => a.id)])),
    forms: Q.forms.map((form) => form.id),
    items: Array.from(Q.root.querySelectorAll("input[name=meet]")).map((input) => input.value),
  };

  /** The link fragment for a state, in the latest format (Q.encodeLink). */
  Q.encode = (state, label, withOwn) => Q.encodeLink(table, state, label, withOwn);

  /** What a link fragment carries, checked against this page's quiz (Q.decodeLink). */
  Q.decode = (code) => Q.decodeLink(table, now, code);
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
