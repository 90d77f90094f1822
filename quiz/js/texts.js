/**
 * The quiz's shared helpers: its root element, its interface texts and safe element building.
 * Every quiz/js file adds to one namespace, window.PartnershipQuiz; hooks/quiz.py joins them.
 */
(function (Q) {
  "use strict";

  Q.root = document.querySelector("[data-quiz]");
  Q.COLON = document.documentElement.lang === "fr" ? "\u00a0: " : ": ";

  /**
   * An interface text of quiz/texts.yml (from a data-t-* attribute of the page, or, for the comparison,
   * from Q.texts at the head of compare.js), its {placeholders} filled in.
   * @param {string} key e.g. "result_clear"
   * @param {Object<string, string|number>} [values]
   * @returns {string}
   */
  Q.t = function (key, values) {
    const text = (Q.root && Q.root.getAttribute("data-t-" + key.replace(/_/g, "-"))) || (Q.texts && Q.texts[key]) || "";
    return text.replace(/\{(\w+)\}/g, (all, name) => (values && name in values ? String(values[name]) : all));
  };

  /**
   * Creates an element; strings become text nodes, never HTML.
   * @param {string} tag
   * @param {Object<string, string>} [attrs]
   * @param {...(Node|string)} children
   * @returns {HTMLElement}
   */
  Q.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const name in attrs || {}) node.setAttribute(name, attrs[name]);
    node.append(...children);
    return node;
  };

  /**
   * A text whose {placeholders} are nodes (links) or strings: the parts to append, in order.
   * @param {string} key
   * @param {Object<string, Node|string>} values
   * @returns {Array<Node|string>}
   */
  Q.sentence = function (key, values) {
    return Q.t(key).split(/(\{\w+\})/).filter(Boolean).map((part) => {
      const name = part.slice(1, -1);
      return part[0] === "{" && name in values ? values[name] : part;
    });
  };

  /** "1 point" / "3 points". */
  Q.points = function (count) {
    return Q.t(count === 1 ? "point" : "points", { count });
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
