/**
 * The seven-form figure of the site (hooks/forms_figure.html, drawn into the quiz page once),
 * copied where a result needs it, with the steps of the forms found marked as the current ones.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  const source = Q.root.querySelector("[data-figure] figure");

  /**
   * A copy of the figure, its steps for `marked` forms marked as current (class and aria-current).
   * @param {string[]} marked form ids
   * @returns {HTMLElement|null}
   */
  Q.figure = function (marked) {
    if (!source) return null;
    const copy = /** @type {HTMLElement} */ (source.cloneNode(true));
    const svg = copy.querySelector("svg");
    const title = copy.querySelector("title");
    if (svg && title) {
      svg.removeAttribute("aria-labelledby");
      svg.setAttribute("aria-label", title.textContent);
    }
    for (const node of copy.querySelectorAll("[id]")) node.removeAttribute("id");
    for (const step of copy.querySelectorAll("[data-form]")) {
      const current = marked.includes(step.getAttribute("data-form"));
      step.classList.toggle("forms-scale__step--current", current);
      if (current) step.setAttribute("aria-current", "true");
      else step.removeAttribute("aria-current");
    }
    return copy;
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
