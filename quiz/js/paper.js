/**
 * "Print the paper version" on the intro: the browser's print dialog, which prints the paper version
 * (quiz.css, @media print: the questions, then the scoring grid on a page of its own), blank whatever
 * the reader has answered on screen. Without JavaScript the button stays hidden: the page is the paper version.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  Q.root.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-action=paper]")) window.print();
  });
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
