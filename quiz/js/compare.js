/**
 * Partners' answers side by side, in this browser only. Partners come from shared links (opened,
 * pasted or scanned), from turns taken on this device (room.js) or from a saved file; they are
 * kept as link codes in localStorage (key "partenariat.partners"), six at most with the reader.
 * Every label and text from a link is inserted as text, never as HTML.
 */
(function (Q) {
  "use strict";

  if (!Q.root) return;
  const { el, t, sentence } = Q;
  const KEY = Q.PARTNERS_KEY;
  Q.MAX_PARTNERS = 6;
  const SVG = "http://www.w3.org/2000/svg";

  /** @returns {{label: string, code: string}[]} */
  Q.partners = function () {
    try {
      const saved = JSON.parse(window.localStorage.getItem(KEY));
      if (Array.isArray(saved)) {
        return saved.filter((p) => p && typeof p.code === "string" && typeof p.label === "string").slice(0, Q.MAX_PARTNERS);
      }
    } catch (error) { /* unreadable: none */ }
    return [];
  };

  /** @param {{label: string, code: string}[]} list */
  Q.savePartners = function (list) {
    try {
      if (list.length) window.localStorage.setItem(KEY, JSON.stringify(list.slice(0, Q.MAX_PARTNERS)));
      else window.localStorage.removeItem(KEY);
    } catch (error) { /* kept on this page only */ }
  };

  /** Whether the reader's own answers take part (they answered at least one question). */
  function withMe(state) {
    return Object.keys(state.answers).length > 0 && !Q.roomActive();
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

  /** The figure: the site's seven-form drawing, then one row of marks per partner. */
  function figure(people) {
    const placed = [...new Set(people.flatMap((p) => p.outcome.forms))];
    const parts = [];
    const drawing = Q.figure(placed);
    if (drawing) parts.push(drawing);
    const rowHeight = 48;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 360 ${people.length * rowHeight + 22}`);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "quiz__marks");
    const add = (tag, attrs, text) => {
      const node = document.createElementNS(SVG, tag);
      for (const name in attrs) node.setAttribute(name, attrs[name]);
      if (text !== undefined) node.textContent = text;
      svg.append(node);
    };
    const x = (i) => 26 + i * 50;
    Q.forms.forEach((form, i) => add("text", { x: x(i), y: 14, class: "quiz__marks-head" }, String(form.order)));
    people.forEach((person, row) => {
      const top = 22 + row * rowHeight;
      const y = top + 32;
      add("text", { x: 0, y: top + 12 }, person.label.length > 40 ? person.label.slice(0, 39) + "…" : person.label);
      add("line", { x1: x(0), x2: x(6), y1: y, y2: y, class: "quiz__marks-line" });
      Q.forms.forEach((form, i) => {
        if (person.outcome.forms.includes(form.id)) add("circle", { cx: x(i), cy: y, r: 7, class: "quiz__mark-answers" });
        if (person.state.self === form.id) add("circle", { cx: x(i), cy: y, r: 11, class: "quiz__mark-self" });
        if (person.state.wish === form.id) add("path", { d: `M${x(i)} ${y - 15}l6 6l-6 6l-6 -6z`, class: "quiz__mark-wish" });
      });
    });
    const legend = el("p", { class: "quiz__legend", "aria-hidden": "true" },
      el("span", { class: "quiz__key quiz__key--answers" }), " " + t("mark_answers") + "  ",
      el("span", { class: "quiz__key quiz__key--self" }), " " + t("mark_self") + "  ",
      el("span", { class: "quiz__key quiz__key--wish" }), " " + t("mark_wish"));
    const table = el("table", { class: "quiz__table quiz__compare-table" },
      el("caption", {}, t("figure_compare")),
      el("thead", {}, el("tr", {}, ...["col_partner", "col_answers", "col_self", "col_wish"].map((k) => el("th", { scope: "col" }, t(k))))),
      el("tbody", {}, ...people.map((p) => el("tr", { "data-person": p.label }, el("th", { scope: "row" }, p.label),
        el("td", {}, placement(p.outcome)), el("td", {}, p.state.self ? formName(p.state.self) : "—"),
        el("td", {}, p.state.wish ? formName(p.state.wish) : "—")))));
    return el("figure", { class: "quiz__compare-figure" }, ...parts, svg, legend, table);
  }

  /** Pairs whose answers place the partnership two steps or more apart. */
  function farApart(people) {
    const notes = [];
    const order = (id) => Q.byId[id].order;
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const [a, b] = [people[i], people[j]];
        if (!a.outcome.forms.length || !b.outcome.forms.length) continue;
        let best = null;
        for (const x of a.outcome.forms) for (const y of b.outcome.forms) {
          if (!best || Math.abs(order(x) - order(y)) < best[2]) best = [x, y, Math.abs(order(x) - order(y))];
        }
        if (best[2] < 2) continue;
        notes.push(el("p", { class: "quiz__far", "data-far": `${i}-${j}` }, t("far_apart", {
          a: a.label, b: b.label, steps: t("step_many", { count: best[2] }), from: Q.byId[best[0]].name, to: Q.byId[best[1]].name })));
      }
    }
    return notes;
  }

  function questionText(fieldset) {
    return fieldset.querySelector("legend").lastChild.textContent.trim();
  }

  function answerText(fieldset, id) {
    const input = Array.from(fieldset.querySelectorAll("input")).find((node) => node.value === id);
    return input ? input.parentElement.lastElementChild.textContent.trim() : t("no_answer");
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
        same.push(el("li", {}, questionText(fieldset), " — ", el("strong", {}, answerText(fieldset, given[0]))));
        continue;
      }
      differ.push(el("div", { class: "quiz__differ", "data-question": id }, el("h4", {}, questionText(fieldset)),
        el("table", { class: "quiz__table" }, el("tbody", {}, ...people.map((p) => el("tr", {},
          el("th", { scope: "row" }, p.label), el("td", {}, answerText(fieldset, p.state.answers[id])))))),
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
      parts.push(el("table", { class: "quiz__table quiz__met-table" },
        el("thead", {}, el("tr", {}, el("td", {}), ...people.map((p) => el("th", { scope: "col" }, p.label)))),
        el("tbody", {}, ...ticked.map((id) => {
          const link = Q.root.querySelector(`[data-item="${CSS.escape(id)}"]`);
          return el("tr", { "data-item-row": id }, el("th", { scope: "row" }, el("a", { href: link.getAttribute("href") }, link.textContent)),
            ...people.map((p) => el("td", {}, p.state.meet.includes(id)
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
      p.me ? "" : el("button", { type: "button", class: "md-button quiz__change", "data-remove-partner": String(p.index),
        "aria-label": t("remove_partner", { label: p.label }) }, "×"))));
  }

  /** The form to paste a partner's link, and how to scan a QR code instead. */
  function adder() {
    const input = el("input", { type: "url", id: "quiz-add-link", autocomplete: "off", inputmode: "url" });
    return el("form", { class: "quiz__add", "data-add-partner": "" }, el("h3", {}, t("add_title")),
      el("p", { class: "quiz__field" }, el("label", { for: input.id }, t("add_label")), input),
      el("p", {}, el("button", { type: "submit", class: "md-button" }, t("add_button"))),
      el("p", { class: "quiz__hint" }, t("add_hint")));
  }

  /**
   * The comparison view: who is compared, the figure and its table, far-apart notes, agreements,
   * differences with prompts, fears side by side; then the actions.
   * @returns {HTMLElement[]}
   */
  Q.compareParts = function (state) {
    const people = participants(state);
    const title = people.length === 1 && !people[0].me ? t("one_partner", { label: people[0].label }) : t("compare_title");
    const parts = [el("h2", { id: "compare", tabindex: "-1" }, title)];
    if (people.length === 1) {
      const outcome = people[0].outcome;
      parts.push(el("div", { class: "quiz-card" }, el("p", { class: "quiz-card__kicker" }, t("col_answers")),
        el("p", { class: "quiz-card__name" }, placement(outcome)),
        ...outcome.forms.map((id) => el("p", { class: "quiz-card__definition" }, Q.byId[id].definition))));
    }
    if (people.length) parts.push(roster(people), figure(people));
    if (people.length > 1) parts.push(...farApart(people), ...questions(people), ...met(people));
    else if (people.length === 1) parts.push(...met(people));
    const actions = el("p", { class: "quiz-card__actions quiz__compare-actions" });
    const button = (action, key, primary) => el("button", { type: "button", class: "md-button" + (primary ? " md-button--primary" : ""), "data-action": action }, t(key));
    if (!withMe(state)) actions.append(button("take", "take_to_compare", true));
    else actions.append(button("back", "back_to_result"));
    actions.append(button("room", "room"), button("print", "print"), button("save", "save"));
    const file = el("input", { type: "file", id: "quiz-open-file", accept: ".json,application/json", class: "quiz__file" });
    actions.append(el("label", { for: file.id, class: "md-button" }, t("open")), file);
    if (Q.partners().length) actions.append(button("clear-partners", "forget_partners"));
    parts.push(adder(), actions);
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
