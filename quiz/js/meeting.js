/**
 * What happens in the comparison view and in turns on one device: adding, removing and clearing
 * partners, saving and opening a comparison file, printing it, and the hand-over between partners
 * who answer one after another without seeing each other's answers (the turn under way, state.turn, is
 * kept in this browser while turns are being taken: storage.js). The box's views are drawn from flow.js's
 * state by Q.renderCompare; the handlers here change that state and render.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  const { el, t } = Q;
  const box = Q.root.querySelector("[data-compare]");
  /* named by its heading once it has content (flow.js names the result's the same way) */
  box.setAttribute("role", "region");
  box.setAttribute("aria-labelledby", "compare");

  /** Says what happened in the status line under the quiz. */
  function say(key) {
    Q.flow.state().status = t(key);
    Q.flow.render();
  }

  /* what the box was last drawn from (a cache, not state) */
  let drawn = "";

  /**
   * Draws the comparison (state.shown "compare", with the banner of state.opened) or a screen of turns ("room":
   * who answers now, or, once state.finished names who just did, what next) from the state (flow.js, render):
   * when it shows (flow.js empties it when hidden) and again when what it shows has changed.
   * @param {Object} state flow.js's View
   */
  Q.renderCompare = function (state) {
    const list = Q.partners();
    const key = JSON.stringify([state.shown, state.finished, state.opened, list, Q.kept(state), state.turn]);
    if (box.firstChild && key === drawn) return;
    drawn = key;
    if (state.shown === "compare") {
      box.replaceChildren(...Q.compareParts(state, state.opened));
      return;
    }
    const title = el("h2", { id: "compare", tabindex: "-1" }, t("room"));
    if (state.finished) {
      const full = list.length >= Q.MAX_PARTNERS;
      box.replaceChildren(title, el("p", { role: "status" }, t("room_done", { label: state.finished })),
        el("p", { class: "quiz-card__actions" }, ...(full ? [] : [el("button", { type: "button", class: "md-button md-button--primary", "data-action": "room" }, t("room_next"))]),
          el("button", { type: "button", class: "md-button" + (full ? " md-button--primary" : ""), "data-action": "room-show" }, t("room_show"))));
      return;
    }
    const input = el("input", { type: "text", id: "quiz-room-label", maxlength: String(Q.LABEL_MAX), autocomplete: "off" });
    input.value = t("partner_n", { n: list.length + 1 });
    box.replaceChildren(title, el("p", {}, t("room_intro")),
      el("form", { "data-room-start": "" }, el("p", { class: "quiz__field" }, el("label", { for: input.id }, t("room_label")), input),
        el("p", {}, el("button", { type: "submit", class: "md-button md-button--primary" }, t("room_start")))));
  };

  /** Shows a view of the box ("compare" or "room") and, with `move`, brings its top into sight and focuses its
   * banner or heading (Q.flow.land). */
  function go(shown, move) {
    Q.flow.state().shown = shown;
    Q.flow.render();
    if (move) Q.flow.land(box, box.querySelector("[data-banner]") || box.querySelector("h2"));
  }

  /** Shows the comparison view (`opened`: a link just read, compare.js); with `move`, brings its top into sight. */
  Q.showCompare = function (move, opened) {
    Q.flow.state().opened = opened || null;
    go("compare", move);
  };

  /** The first screen of turns on one device: who answers now. */
  Q.roomStart = function () {
    Q.flow.state().finished = "";
    go("room", true);
  };

  /** At the end of a partner's turn: their answers join the partners, the next one starts afresh. */
  Q.roomFinish = function () {
    const state = Q.flow.state();
    const label = state.turn.label;
    const list = Q.partners();
    list.push({ label, code: Q.encode(state, label, true) });
    Q.savePartners(list);
    state.turn = null;
    Q.flow.clear();
    state.finished = label;
    go("room", true);
  };

  /** Cancels the turn under way: its answers go, the state from before it comes back, the comparison shows. */
  Q.cancelTurn = function () {
    const state = Q.flow.state();
    const before = state.turn.before;
    state.turn = null;
    Q.flow.clear();
    if (before) Object.assign(state, before, { label: before.label || state.label });
    state.status = t("turn_cancelled");
    Q.showCompare(true);
  };

  /** Adds the partner of the link in the address (quiz.html#p=…), drops it from the address, says what happened. */
  Q.openLink = function () {
    const code = window.location.hash.slice(3);
    history.replaceState(null, "", window.location.pathname + window.location.search);
    const outcome = Q.addPartner(code, Q.flow.state());
    Q.showCompare(true, outcome); /* the banner at its top says what happened (compare.js) */
  };

  box.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    if (form.matches("[data-room-start]")) {
      const state = Q.flow.state();
      const label = form.querySelector("input").value.trim() || t("partner_n", { n: Q.partners().length + 1 });
      const before = Q.kept(state); /* comes back if the turn is cancelled (Q.cancelTurn) */
      Q.flow.clear();
      state.turn = { label, before };
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
      Q.flow.state().turn = null;
      Q.flow.show(1, true);
    } else if (action === "back") Q.flow.showResult(true);
    else if (action === "room") Q.roomStart();
    else if (action === "room-show") {
      Q.flow.state().turn = null;
      Q.showCompare(true);
    } else if (action === "print") {
      Q.flow.state().printing = "compare";
      Q.flow.render();
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
