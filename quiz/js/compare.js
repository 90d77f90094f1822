/**
 * Partners' answers side by side, in this browser only. Partners come from shared links (opened,
 * pasted or scanned), from turns taken on this device (meeting.js) or from a saved file; they are
 * kept as link codes in this browser (storage.js: Q.partners), six at most with the reader.
 * Every label and text from a link is inserted as text, never as HTML.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  const { el, t } = Q;
  const SVG = "http://www.w3.org/2000/svg";

  /** Whether the reader's own answers take part (they answered at least one question). */
  function withMe(state) {
    return Object.keys(state.answers).length > 0 && !state.turn;
  }

  /**
   * Adds a partner's link code; returns the message key that says what happened, and the decoded link.
   * @returns {{key: string, values?: Object, link?: ReturnType<typeof Q.decode>}}
   */
  Q.addPartner = function (code, state) {
    const link = Q.decode(code);
    if (link.status === "damaged") return { key: "link_damaged" };
    if (link.status === "future") return { key: "link_future" };
    if (link.status === "long") return { key: "link_long" };
    const list = Q.partners();
    const canonical = Q.encode(link, link.label, true);
    if (list.some((p) => Q.encode(Q.decode(p.code), p.label, true) === canonical)) return { key: "add_same", link };
    if (list.length + (withMe(state) ? 1 : 0) >= Q.MAX_PARTNERS) return { key: "add_full", link };
    list.push({ label: link.label, code: canonical });
    Q.savePartners(list);
    if (link.status === "partial") {
      return link.unread === 1 ? { key: "link_partial_one", link } : { key: "link_partial_many", values: { count: link.unread }, link };
    }
    return { key: "added", values: { label: link.label || t("partner_n", { n: list.length }) }, link };
  };

  /** Everyone compared: the reader first (if they answered), then the partners, each scored. */
  function participants(state) {
    const people = [];
    if (withMe(state)) people.push({ label: state.label || t("me"), state, me: true });
    Q.partners().forEach((p, index) => {
      const link = Q.decode(p.code);
      if (link.status === "ok" || link.status === "partial") {
        people.push({ label: p.label || t("partner_n", { n: index + 1 }), state: link, index });
      }
    });
    return people.map((person) => Object.assign(person, { outcome: Q.score(person.state.answers) }));
  }

  function formName(id) {
    return id === "unknown" ? Q.t("self_unknown") : Q.byId[id] ? Q.byId[id].name : "—";
  }

  function placement(outcome) {
    if (outcome.kind === "none") return "—";
    const names = outcome.forms.map((id) => Q.byId[id].name);
    return names.length === 1 ? names[0] : t("result_pair", { from: names[0], to: names[1] });
  }

  /** Text for screen readers only. */
  function hidden(text) {
    return el("span", { class: "quiz__hidden" }, text);
  }

  /**
   * The one drawing of a comparison: a row per partner, their name above seven places (the forms, numbered
   * as in the text), with marks where their answers, their chosen description and their wish put them.
   * HTML text at the size of the text around it; the forms' names in a key below and, for screen readers,
   * in the column headers; every mark also said in words.
   */
  function chart(people) {
    const kinds = (person, form) => [["answers", person.outcome.forms.includes(form.id)],
      ["self", person.state.self === form.id], ["wish", person.state.wish === form.id]].filter(([, on]) => on).map(([kind]) => kind);
    const table = el("table", { class: "quiz__chart" }, el("caption", {}, t("figure_compare")),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", class: "quiz__chart-who" }, t("col_partner")),
        ...Q.forms.map((form) => el("th", { scope: "col" }, el("span", { "aria-hidden": "true" }, String(form.order)), hidden(form.name))))),
      el("tbody", {}, ...people.map((person) => el("tr", { "data-person": person.label },
        el("th", { scope: "row", class: "quiz__chart-who" }, person.label),
        ...Q.forms.map((form) => {
          const marks = kinds(person, form);
          return el("td", marks.length ? { "data-form": form.id, "data-marks": marks.join(" ") } : { "data-form": form.id },
            ...marks.map((kind) => el("span", { class: "quiz__key quiz__key--" + kind, "aria-hidden": "true" })),
            ...(marks.length ? [hidden(marks.map((kind) => t("mark_" + kind)).join(", "))] : []));
        })))));
    const key = el("ol", { class: "quiz__chart-key", "aria-hidden": "true" },
      ...Q.forms.map((form) => el("li", {}, el("span", { class: "quiz__chart-n" }, String(form.order)), " " + form.name)));
    const legend = el("p", { class: "quiz__legend", "aria-hidden": "true" },
      ...["answers", "self", "wish"].map((kind) => el("span", {}, el("span", { class: "quiz__key quiz__key--" + kind }), " " + t("mark_" + kind))));
    return el("figure", { class: "quiz__compare-figure" }, table, key, legend);
  }

  /**
   * One partner's result, drawn once: what their answers describe, its place on the seven forms (their name
   * where the figure would say "this partnership"), the description they chose and the form they wish for.
   */
  function partnerCard(person) {
    const outcome = person.outcome;
    const parts = [el("p", { class: "quiz-card__kicker" }, t("col_answers")), el("p", { class: "quiz-card__name" }, placement(outcome)),
      ...outcome.forms.map((id) => el("p", { class: "quiz-card__definition" }, Q.byId[id].definition))];
    const drawing = outcome.forms.length ? Q.figure(outcome.forms) : null;
    if (drawing) {
      for (const here of drawing.querySelectorAll(".forms-scale__here")) here.textContent = person.label;
      parts.push(drawing);
    }
    const row = (key, id) => [el("dt", {}, t(key)), el("dd", {}, id ? formName(id) : "—")];
    parts.push(el("dl", { class: "quiz__chosen" }, ...row("col_self", person.state.self), ...row("col_wish", person.state.wish)));
    return el("div", { class: "quiz-card", "data-person": person.label }, ...parts);
  }

  /** Pairs whose answers place the partnership two steps or more apart: one short line each, one note for all. */
  function farApart(people) {
    const lines = [];
    const order = (id) => Q.byId[id].order;
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const [a, b] = people[i].me ? [people[i], people[j]] : people[j].me ? [people[j], people[i]] : [people[i], people[j]];
        if (!a.outcome.forms.length || !b.outcome.forms.length) continue;
        let best = null;
        for (const x of a.outcome.forms) for (const y of b.outcome.forms) {
          if (!best || Math.abs(order(x) - order(y)) < best[2]) best = [x, y, Math.abs(order(x) - order(y))];
        }
        if (best[2] < 2) continue;
        lines.push(el("li", { "data-far": `${i}-${j}` }, t(a.me ? "far_apart_me" : "far_apart", {
          a: a.label, b: b.label, steps: t("step_many", { count: best[2] }), from: Q.byId[best[0]].name, to: Q.byId[best[1]].name })));
      }
    }
    return lines.length ? [el("div", { class: "quiz__far" }, el("ul", {}, ...lines), el("p", {}, t("far_apart_note")))] : [];
  }

  /** Where everyone gave the same answer, and, per question where answers differ, the answers side by side. */
  function questions(people) {
    const same = [];
    const differ = [];
    for (const fieldset of Q.questions) {
      const id = fieldset.dataset.question;
      const given = people.map((p) => p.state.answers[id]).filter(Boolean);
      if (given.length < 2) continue;
      if (new Set(given).size === 1 && given.length === people.length) {
        same.push(el("li", {}, Q.questionText(id), " — ", el("strong", {}, Q.answerText(id, given[0]))));
        continue;
      }
      differ.push(el("div", { class: "quiz__differ", "data-question": id }, el("h4", {}, Q.questionText(id)),
        el("table", { class: "quiz__ctable" }, el("tbody", {}, ...people.map((p) => el("tr", {},
          el("th", { scope: "row" }, p.label), el("td", {}, Q.answerText(id, p.state.answers[id])))))),
        el("p", { class: "quiz__prompt" }, el("strong", {}, t("to_discuss")), " ", Q.prompts[id] || "")));
    }
    const placed = new Set(people.map((p) => p.outcome.forms.join(",")));
    const agree = [el("h3", {}, t("agree_title"))];
    if (placed.size === 1 && people[0].outcome.forms.length) {
      agree.push(el("p", { "data-agree-place": "" }, t("agree_place", { form: placement(people[0].outcome) })));
    }
    agree.push(same.length ? el("ul", { class: "quiz__same" }, ...same) : el("p", {}, t("agree_none")));
    return [...agree, el("h3", {}, t("differ_title")), ...(differ.length ? differ : [el("p", {}, t("differ_none"))])];
  }

  /** The fears and resistances each partner ticked, side by side, linked to the text. */
  function met(people) {
    const ticked = Array.from(Q.root.querySelectorAll("input[name=meet]")).map((input) => input.value)
      .filter((id) => people.some((p) => p.state.meet.includes(id)));
    const parts = [el("h3", {}, t("met_compare"))];
    if (ticked.length) {
      parts.push(el("table", { class: "quiz__ctable quiz__met-table" },
        el("thead", {}, el("tr", {}, el("td", {}), ...people.map((p) => el("th", { scope: "col" }, p.label)))),
        el("tbody", {}, ...ticked.map((id) => {
          const link = Q.root.querySelector(`[data-item="${CSS.escape(id)}"]`);
          return el("tr", { "data-item-row": id }, el("th", { scope: "row" }, el("a", { href: link.getAttribute("href") }, link.textContent)),
            ...people.map((p) => el("td", { "data-who": p.label }, p.state.meet.includes(id)
              ? el("span", { "aria-label": t("met_yes"), role: "img" }, "✓") : el("span", { "aria-label": t("met_no"), role: "img" }, "—"))));
        }))));
    } else parts.push(el("p", {}, t("met_none")));
    for (const p of people) {
      if (p.state.own.length) parts.push(el("p", {}, t("own_of", { label: p.label })), el("ul", {}, ...p.state.own.map((text) => el("li", {}, text))));
    }
    return parts;
  }

  /** The list of partners, each with a button to remove them. */
  function roster(people) {
    return el("ul", { class: "quiz__roster" }, ...people.map((p) => el("li", {}, el("strong", {}, p.label), p.me ? "" : " ",
      p.me ? "" : el("button", { type: "button", class: "md-button quiz__remove", "data-remove-partner": String(p.index),
        "aria-label": t("remove_partner", { label: p.label }) }, t("own_remove")))));
  }

  /**
   * The form to paste a partner's link, checked by the site (novalidate): an error at the field and in an
   * error summary at the top of the form (GOV.UK), a confirmation at the form.
   */
  function adder() {
    const input = el("input", { type: "text", id: "quiz-add-link", autocomplete: "off", inputmode: "url", spellcheck: "false",
      autocapitalize: "off" });
    return el("form", { class: "quiz__add", "data-add-partner": "", novalidate: "" }, el("h3", {}, t("add_title")),
      el("div", { class: "quiz__field" }, el("label", { for: input.id }, t("add_label")), input),
      el("p", {}, el("button", { type: "submit", class: "md-button" }, t("add_button"))),
      el("p", { role: "status", class: "quiz__add-status", "data-add-status": "" }),
      el("p", { class: "quiz__hint" }, t("add_hint")));
  }

  /** Shows, or clears (key null), the error of the paste form: in a summary at its top and at its field. */
  function addError(form, key) {
    const field = form.querySelector(".quiz__field");
    const input = field.querySelector("input");
    for (const node of form.querySelectorAll("[data-error]")) node.remove();
    field.classList.toggle("quiz__field--error", Boolean(key));
    form.querySelector("[data-add-status]").textContent = "";
    if (!key) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      return;
    }
    const summary = el("div", { class: "quiz__error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "quiz-add-error-title", "data-error": "" },
      el("h4", { id: "quiz-add-error-title" }, t("error_title")),
      el("ul", {}, el("li", {}, el("a", { href: "#" + input.id }, t(key)))));
    form.querySelector("h3").after(summary);
    input.before(el("p", { class: "quiz__error", id: "quiz-add-link-error", "data-error": "" }, hidden(t("error_prefix") + " "), t(key)));
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "quiz-add-link-error");
    summary.querySelector("a").addEventListener("click", (event) => {
      event.preventDefault();
      input.focus();
    });
    summary.focus();
  }

  /**
   * "Add this partner": the site's own check of the pasted text (the status cleared on each try); a link
   * that reads is added and the comparison shown again, its top in view, the confirmation at the form.
   * @param {HTMLFormElement} form
   */
  Q.submitAdd = function (form) {
    const value = form.querySelector("input").value.trim();
    const code = value ? Q.codeIn(value) : null;
    if (code === null) {
      addError(form, value ? "add_not_link" : "add_empty");
      return;
    }
    const outcome = Q.addPartner(code, Q.flow.state());
    if (!outcome.link || outcome.key === "add_same" || outcome.key === "add_full") {
      addError(form, outcome.key);
      return;
    }
    Q.showCompare(true);
    const status = Q.root.querySelector("[data-add-status]");
    /* written once the new form is in place, so that screen readers announce it */
    requestAnimationFrame(() => { status.textContent = t(outcome.key, outcome.values); });
  };

  /**
   * The notice at the top of a partner's link just opened (GOV.UK's notification banner): who shared, that
   * their answers are here, in this browser only, what to do and how long it takes, one button to start.
   * @param {{key: string, values?: Object, link?: Object}} outcome what Q.addPartner said
   */
  function banner(outcome, state) {
    const read = outcome.link && outcome.key !== "add_full";
    const label = read ? outcome.link.label || (outcome.values && outcome.values.label) || t("partner_n", { n: Q.partners().length }) : "";
    const content = el("div", { class: "quiz-banner__content" });
    if (read && outcome.key !== "add_same") content.append(el("p", { class: "quiz-banner__heading" }, t("banner_sent", { label })));
    if (outcome.key !== "added") content.append(el("p", { class: read && outcome.key !== "add_same" ? "" : "quiz-banner__heading", "data-link-status": outcome.key }, t(outcome.key, outcome.values)));
    if (read) content.append(el("p", {}, t("banner_kept")));
    if (!withMe(state)) {
      content.append(el("p", {}, t("banner_todo", { minutes: Q.minutes })),
        el("p", { class: "quiz-banner__actions" }, el("button", { type: "button", class: "md-button md-button--primary", "data-action": "take" }, t("take_to_compare"))));
    }
    return el("div", { class: "quiz-banner", role: "region", "aria-labelledby": "quiz-banner-title", tabindex: "-1", "data-banner": outcome.key },
      el("div", { class: "quiz-banner__header" }, el("h2", { class: "quiz-banner__title", id: "quiz-banner-title" }, t("banner_title"))), content);
  }

  let partnershipName = Q.partnershipName();

  /** What a printed comparison says at its top: the partnership, the date, the partners. */
  function printHead(people) {
    const date = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long" }).format(new Date());
    return el("div", { class: "quiz__print-head", "data-print-head": "" },
      el("p", {}, el("strong", {}, t("print_partnership")), Q.COLON, el("span", { "data-print-name": "" }, partnershipName || "\u00a0")),
      el("p", {}, el("strong", {}, t("print_date")), Q.COLON, date),
      el("p", {}, el("strong", {}, t("print_partners")), Q.COLON, people.map((p) => p.label).join(", ")));
  }

  /** The partnership's name for the printed comparison, kept for this visit only (storage.js). */
  function nameField() {
    const input = el("input", { type: "text", id: "quiz-partnership", maxlength: String(Q.LABEL_MAX), autocomplete: "off" });
    input.value = partnershipName;
    input.addEventListener("input", () => {
      partnershipName = input.value.trim();
      Q.setPartnershipName(partnershipName);
      const shown = Q.root.querySelector("[data-print-name]");
      if (shown) shown.textContent = partnershipName || "\u00a0";
    });
    return el("div", { class: "quiz__field quiz__name-field" }, el("label", { for: input.id }, t("print_name_label")), input);
  }

  /**
   * The comparison view: who is compared and one drawing of their results, far-apart pairs, agreements,
   * differences with prompts, fears side by side; then the actions. A partner's link just opened adds a
   * banner at the top (`opened`: what Q.addPartner said).
   * @returns {HTMLElement[]}
   */
  Q.compareParts = function (state, opened) {
    const people = participants(state);
    const title = people.length === 1 && !people[0].me ? t("one_partner", { label: people[0].label }) : t("compare_title");
    const parts = opened ? [banner(opened, state)] : [];
    parts.push(el("h2", { id: "compare", tabindex: "-1" }, title));
    if (people.length) parts.push(printHead(people));
    if (people.length === 1) parts.push(roster(people), people[0].me ? chart(people) : partnerCard(people[0]), ...met(people));
    else if (people.length > 1) parts.push(roster(people), chart(people), ...farApart(people), ...questions(people), ...met(people));
    const actions = el("p", { class: "quiz-card__actions quiz__compare-actions" });
    const button = (action, key, primary) => el("button", { type: "button", class: "md-button" + (primary ? " md-button--primary" : ""), "data-action": action }, t(key));
    if (!withMe(state)) {
      if (!opened) actions.append(button("take", "take_to_compare", true));
    } else actions.append(button("back", "back_to_result"));
    actions.append(button("room", "room"), button("print", "print"), button("save", "save"));
    const file = el("input", { type: "file", id: "quiz-open-file", accept: ".json,application/json", class: "quiz__file" });
    actions.append(el("label", { for: file.id, class: "md-button" }, t("open")), file);
    if (Q.partners().length) actions.append(button("clear-partners", "forget_partners"));
    parts.push(adder(), ...(people.length ? [nameField()] : []), actions);
    return parts;
  };

  /** The comparison as a file: the link codes, so that old files open as old links do. */
  Q.historyFile = function (state) {
    const data = { format: "partenariat-comparison", version: 1, saved: new Date().toISOString(),
      me: withMe(state) ? { label: state.label || "", code: Q.encode(state, state.label || "", true) } : null,
      partners: Q.partners() };
    return new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  };

  /**
   * Reads a saved comparison; on any problem returns false and changes nothing.
   * @param {string} text
   * @returns {boolean}
   */
  Q.openHistory = function (text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return false;
    }
    if (!data || data.format !== "partenariat-comparison" || data.version !== 1 || !Array.isArray(data.partners)) return false;
    const entries = [...(data.me && typeof data.me === "object" ? [data.me] : []), ...data.partners];
    if (!entries.length || entries.length > Q.MAX_PARTNERS) return false;
    const list = [];
    for (const entry of entries) {
      if (!entry || typeof entry.code !== "string" || typeof entry.label !== "string") return false;
      const link = Q.decode(entry.code);
      if (link.status !== "ok" && link.status !== "partial") return false;
      list.push({ label: (entry.label || (entry === data.me ? t("me") : "")).slice(0, Q.LABEL_MAX), code: entry.code });
    }
    Q.savePartners(list);
    return true;
  };
})(window.PartnershipQuiz = window.PartnershipQuiz || {});
