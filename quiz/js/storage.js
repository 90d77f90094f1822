/**
 * Everything the quiz keeps in this browser, and only here: this file alone names the keys and reads and
 * writes them (tests/js/storage.test.mjs checks that no other file of quiz/js/ does).
 * The reader's answers are ids (question id -> answer id, form ids), never texts, so they survive a change
 * of wording or of language; ids that no longer exist are left out when the quiz reads them.
 */
(function (Q) {
  "use strict";

  /** The keys, all of them (docs/links.md lists them for readers). */
  Q.STORAGE_KEYS = Object.freeze({
    /** localStorage: the reader's answers (this file's State). */
    answers: "partenariat.quiz",
    /** localStorage: the partners' link codes and labels, for the comparison (compare.js). */
    partners: "partenariat.partners",
    /** localStorage: the turn under way while partners take turns on one device (meeting.js). */
    room: "partenariat.room",
    /** sessionStorage, this visit only: the partnership's name on a printed comparison (compare.js). */
    partnership: "partenariat.partnership",
  });
  const KEY = Q.STORAGE_KEYS.answers;
  const PARTNERS = Q.STORAGE_KEYS.partners;
  const ROOM = Q.STORAGE_KEYS.room;
  /** The most answers compared: the partners and the reader. */
  Q.MAX_PARTNERS = 6;

  /**
   * @typedef {Object} State
   * @property {Object<string, string>} answers question id -> answer id
   * @property {string} self the form the reader says fits best ("unknown", or "" if not answered)
   * @property {string} wish the form the reader would like ("unknown", or "")
   * @property {string[]} meet the fears and resistances ticked (their ids)
   * @property {string[]} own the reader's own fears or resistances (free text)
   * @property {number} step the step shown, from 1
   * @property {string} shown "intro", "steps", "result", "compare" or "room"
   * @property {string} label the name the reader gives their answers when sharing them
   * @property {Turn|null} turn the turn under way while partners take turns on this device (kept under its own key)
   */

  /** @returns {State} a state with nothing answered */
  Q.emptyState = function () {
    return { answers: {}, self: "", wish: "", meet: [], own: [], step: 1, shown: "intro", label: "", turn: null };
  };

  /** @returns {Object} what the answers' key keeps of a state: all of State but the turn */
  Q.kept = function (state) {
    const kept = {};
    for (const name in Q.emptyState()) if (name !== "turn") kept[name] = state[name];
    return kept;
  };

  /** @returns {State} the saved state, or an empty one (storage refused, unreadable or foreign) */
  Q.load = function () {
    const state = Q.emptyState();
    state.turn = Q.roomActive() ? Q.room() : null;
    let saved = null;
    try {
      saved = JSON.parse(window.localStorage.getItem(KEY));
    } catch (error) { /* storage refused or unreadable: start afresh */ }
    if (!saved || typeof saved !== "object") return state;
    if (saved.answers && typeof saved.answers === "object") {
      for (const id in saved.answers) if (typeof saved.answers[id] === "string") state.answers[id] = saved.answers[id];
    }
    for (const name of ["self", "wish", "shown", "label"]) if (typeof saved[name] === "string") state[name] = saved[name];
    for (const name of ["meet", "own"]) {
      if (Array.isArray(saved[name])) state[name] = saved[name].filter((item) => typeof item === "string");
    }
    if (Number.isInteger(saved.step)) state.step = saved.step;
    return state;
  };

  /** Keeps a state: its turn under its own key, the rest (nothing of the page view) under the answers' key.
   * @param {State} state */
  Q.save = function (state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(Q.kept(state)));
    } catch (error) { /* nothing is kept; the quiz still works on this page */ }
    Q.setRoom(state.turn);
  };

  /** @returns {boolean} whether this browser keeps answers of the quiz */
  Q.hasSaved = function () {
    try {
      return window.localStorage.getItem(KEY) !== null;
    } catch (error) {
      return false;
    }
  };

  /**
   * @typedef {Object} Turn
   * @property {string} label the name of the partner answering now
   * @property {State} [before] the state from before the turn, put back if the turn is cancelled (meeting.js)
   */

  /** @returns {Turn|null} the turn being taken on this device, if any */
  Q.room = function () {
    try {
      return JSON.parse(window.localStorage.getItem(ROOM)) || null;
    } catch (error) {
      return null;
    }
  };

  /** @param {Turn|null} value the turn now being taken, or null when turns end */
  Q.setRoom = function (value) {
    try {
      if (value) window.localStorage.setItem(ROOM, JSON.stringify(value));
      else window.localStorage.removeItem(ROOM);
    } catch (error) { /* turns still work on this page */ }
  };

  /** @returns {boolean} whether partners are taking turns on this device */
  Q.roomActive = function () {
    return Boolean((Q.room() || {}).label);
  };

  /** @returns {{label: string, code: string}[]} the partners kept for the comparison (link codes) */
  Q.partners = function () {
    try {
      const saved = JSON.parse(window.localStorage.getItem(PARTNERS));
      if (Array.isArray(saved)) {
        return saved.filter((p) => p && typeof p.code === "string" && typeof p.label === "string").slice(0, Q.MAX_PARTNERS);
      }
    } catch (error) { /* unreadable: none */ }
    return [];
  };

  /** @param {{label: string, code: string}[]} list the partners to keep (none: the key is removed) */
  Q.savePartners = function (list) {
    try {
      if (list.length) window.localStorage.setItem(PARTNERS, JSON.stringify(list.slice(0, Q.MAX_PARTNERS)));
      else window.localStorage.removeItem(PARTNERS);
    } catch (error) { /* kept on this page only */ }
  };

  /** @returns {string} the partnership's name for a printed comparison, kept for this visit ("" if none) */
  Q.partnershipName = function () {
    try {
      return window.sessionStorage.getItem(Q.STORAGE_KEYS.partnership) || "";
    } catch (error) {
      return "";
    }
  };

  /** @param {string} name the partnership's name, kept for this visit only */
  Q.setPartnershipName = function (name) {
    try {
      window.sessionStorage.setItem(Q.STORAGE_KEYS.partnership, name);
    } catch (error) { /* kept on this page only */ }
  };

  /** Erases everything of the quiz from this browser: the answers, the partners, the turns. */
  Q.eraseAll = function () {
    for (const key of [KEY, PARTNERS, ROOM]) {
      try {
        window.localStorage.removeItem(key);
      } catch (error) { /* nothing was kept */ }
    }
  };

  /** Erases the answers from this browser. */
  Q.erase = function () {
    try {
      window.localStorage.removeItem(KEY);
    } catch (error) { /* nothing was kept */ }
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
