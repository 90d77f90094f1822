/**
 * What happens in the comparison view and in turns on one device: adding, removing and clearing
 * partners, saving and opening a comparison file, printing it, and the hand-over between partners
 * who answer one after another without seeing each other's answers (the turn under way is kept in
 * this browser while turns are being taken: storage.js, Q.room).
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  const { el, t } = Q;
  const box = Q.root.querySelector("[data-compare]");

  function say(key, values) {
    Q.root.querySelector("[data-status]").textContent = t(key, values);
  }

  /** Shows the comparison view (`opened`: a link just read, compare.js); with `move`, brings its top into sight
   * and focuses its banner or heading (Q.flow.land). */
  Q.showCompare = function (move, opened) {
    box.replaceChildren(...Q.compareParts(Q.flow.state(), opened));
    Q.flow.view("compare");
    if (move) Q.flow.land(box, box.querySelector("[data-banner]") || box.querySelector("h2"));
  };

  /** The first screen of turns on one device: who answers now. */
  Q.roomStart = function () {
    const input = el("input", { type: "text", id: "quiz-room-label", maxlength: String(Q.LABEL_MAX), autocomplete: "off" });
    input.value = t("partner_n", { n: Q.partners().length + 1 });
    box.replaceChildren(el("h2", { id: "compare", tabindex: "-1" }, t("room")), el("p", {}, t("room_intro")),
      el("form", { "data-room-start": "" }, el("p", { class: "quiz__field" }, el("label", { for: input.id }, t("room_label")), input),
        el("p", {}, el("button", { type: "submit", class: "md-button md-button--primary" }, t("room_start")))));
    Q.flow.view("room");
    Q.flow.land(box, box.querySelector("h2"));
  };

  /** At the end of a partner's turn: their answers join the partners, the next one starts afresh. */
  Q.roomFinish = function () {
    const state = Q.flow.state();
    const label = (Q.room() || {}).label || t("partner_n", { n: Q.partners().length + 1 });
    const list = Q.partners();
    list.push({ label, code: Q.encode(state, label, true) });
    Q.savePartners(list);
    Q.setRoom(null);
    Q.flow.clear();
    const full = list.length >= Q.MAX_PARTNERS;
    box.replaceChildren(el("h2", { id: "compare", tabindex: "-1" }, t("room")), el("p", { role: "status" }, t("room_done", { label })),
      el("p", { class: "quiz-card__actions" }, ...(full ? [] : [el("button", { type: "button", class: "md-button md-button--primary", "data-action": "room" }, t("room_next"))]),
        el("button", { type: "button", class: "md-button" + (full ? " md-button--primary" : ""), "data-action": "room-show" }, t("room_show"))));
    Q.flow.view("room");
    Q.flow.land(box, box.querySelector("h2"));
  };

  /** Adds the partner of a link code and says what happened. */
  Q.openLink = function (code) {
    const outcome = Q.addPartner(code, Q.flow.state());
    Q.showCompare(true, outcome); /* the banner at its top says what happened (compare.js) */
  };

  box.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    if (form.matches("[data-room-start]")) {
      /* the state from before the turn comes back if the turn is cancelled (flow.js) */
      Q.setRoom({ label: form.querySelector("input").value.trim() || t("partner_n", { n: Q.partners().length + 1 }),
        before: Q.flow.state() });
      Q.flow.clear();
      Q.flow.show(1, true);
    } else if (form.matches("[data-add-partner]")) Q.submitAdd(form); /* compare.js */
  });

  box.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files.length) return;
    const file = input.files[0];
    if (file.size > 100000) {
      say("open_bad");
      return;
    }
    file.text().then((text) => {
      if (Q.openHistory(text)) {
        Q.showCompare(true);
        say("opened");
      } else say("open_bad");
    }, () => say("open_bad"));
  });

  box.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("button");
    if (!button) return;
    const action = button.dataset.action;
    if (button.dataset.removePartner !== undefined) {
      const list = Q.partners();
      list.splice(Number(button.dataset.removePartner), 1);
      Q.savePartners(list);
      Q.showCompare(true);
    } else if (action === "take") {
      Q.setRoom(null);
      Q.flow.show(1, true);
    } else if (action === "back") Q.flow.showResult(true);
    else if (action === "room") Q.roomStart();
    else if (action === "room-show") {
      Q.setRoom(null);
      Q.showCompare(true);
    } else if (action === "print") {
      Q.root.classList.add("quiz--print-compare");
      window.print();
    } else if (action === "save") {
      const link = el("a", { href: URL.createObjectURL(Q.historyFile(Q.flow.state())), download: "partenariat-comparaison.json" });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
    } else if (action === "clear-partners") {
      Q.savePartners([]);
      Q.showCompare(true);
    }
  });
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
