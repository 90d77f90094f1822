/**
 * The reader's answers, kept in this browser only (localStorage, key "partenariat.quiz").
 * Answers are ids (question id -> answer id, form ids), never texts, so they survive a change of
 * wording or of language; ids that no longer exist are left out when the quiz reads them.
 */
(function (Q) {
  "use strict";

  const KEY = "partenariat.quiz";
  /** Where the comparison keeps the partners' link codes (compare.js). */
  Q.PARTNERS_KEY = "partenariat.partners";
  /** Where the label of the partner answering is kept while partners take turns on one device (meeting.js). */
  const ROOM = "partenariat.room";

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
   */

  /** @returns {State} a state with nothing answered */
  Q.emptyState = function () {
    return { answers: {}, self: "", wish: "", meet: [], own: [], step: 1, shown: "intro", label: "" };
  };

  /** @returns {State} the saved state, or an empty one (storage refused, unreadable or foreign) */
  Q.load = function () {
    const state = Q.emptyState();
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

  /** @param {State} state */
  Q.save = function (state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) { /* nothing is kept; the quiz still works on this page */ }
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
   * @property {State} [before] the state from before the turn, put back if the turn is cancelled (flow.js)
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

  /** Erases everything of the quiz from this browser: the answers, the partners, the turns. */
  Q.eraseAll = function () {
    for (const key of [KEY, Q.PARTNERS_KEY, ROOM]) {
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
