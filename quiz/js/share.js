/**
 * "Share my answers", under the result card: an optional label, the link that carries the answers
 * (codec.js), a button to copy it and a QR code of it (qr.js). Nothing leaves the browser unless
 * the reader copies or shows the link.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  const { el, t } = Q;

  /** The published address of this page (its canonical link), or where it is read, with a link fragment. */
  Q.linkTo = function (code) {
    const canonical = document.querySelector("link[rel=canonical]");
    const base = canonical && /^https?:/.test(canonical.href) ? canonical.href : window.location.href;
    return base.split("#")[0] + "#p=" + code;
  };

  /**
   * The share section for the reader's own answers.
   * @param {Object} state the reader's state (storage.js); its `label` is kept there
   * @returns {HTMLElement}
   */
  Q.sharePanel = function (state) {
    const label = el("input", { type: "text", id: "quiz-share-label", maxlength: String(Q.LABEL_MAX), autocomplete: "organization" });
    label.value = state.label || "";
    const own = el("input", { type: "checkbox", id: "quiz-share-own" });
    const link = el("input", { type: "text", id: "quiz-share-link", readonly: "" });
    const status = el("p", { role: "status", class: "quiz__share-status" });
    const qr = el("div", { class: "quiz__qr-box", hidden: "" });
    const update = () => {
      state.label = label.value.trim();
      Q.save(state);
      link.value = Q.linkTo(Q.encode(state, state.label, own.checked));
      if (!qr.hidden) showQr();
    };
    const showQr = () => {
      const svg = Q.qrSvg(link.value, t("share_qr_label"));
      qr.replaceChildren(...(svg ? [svg] : []));
      qr.hidden = false;
    };
    const copy = el("button", { type: "button", class: "md-button md-button--primary" }, t("share_copy"));
    copy.addEventListener("click", () => {
      const done = () => { status.textContent = t("share_copied"); };
      const failed = () => {
        link.select();
        status.textContent = t("share_copy_failed");
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link.value).then(done, failed);
      else failed();
    });
    const show = el("button", { type: "button", class: "md-button" }, t("share_qr"));
    show.addEventListener("click", showQr);
    label.addEventListener("input", update);
    own.addEventListener("change", update);
    update();
    const parts = [el("h3", { id: "quiz-share-title" }, t("share_title")), el("p", {}, t("share_intro")),
      el("p", { class: "quiz__field" }, el("label", { for: label.id }, t("share_label")), label)];
    if (state.own.length) parts.push(el("p", { class: "quiz__check" }, own, " ", el("label", { for: own.id }, t("share_own"))));
    parts.push(el("p", { class: "quiz__field" }, el("label", { for: link.id }, t("share_link")), link),
      el("p", { class: "quiz-card__actions" }, copy, " ", show), status, qr);
    return el("section", { class: "quiz__share", "aria-labelledby": "quiz-share-title" }, ...parts);
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
