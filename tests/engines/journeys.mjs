// The journeys readers take, written once, run in each engine by tests/test_engines.py:
//   node tests/engines/journeys.mjs <chromium|firefox|webkit> <spec.json>
// spec.json (written by the test from the site's data): the addresses, the pages, the quiz's texts and answers.
// Each journey prints one JSON line {"journey", "ok", "error", "seconds"}; a first line says the browser's version.
// What a journey looks for, it finds as a person does: a button by its text, an answer by its label, a field
// by its label; it clicks and types with real input events (drivers.mjs), and waits for states, never for a time.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from './drivers.mjs';

const BOUND = 20_000; // a bound on a state, never a wait of its own
// A bound on a whole journey (spec.json's journey_bound, from tests/test_engines.py): one that does not end within
// it is reported with the state it was waiting for, the browser started again, and the next journey runs.
const JOURNEY_BOUND = 90_000;
let waitingFor = 'the journey to start'; // the state (or the call) the journey waits for now
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

// ---- In the page: find what a person sees (each function runs in the page and must stand alone) ----

function byRole(role, name, scope) {
  const norm = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const selectors = {
    button: 'button, [role=button], input[type=submit], input[type=button]',
    radio: 'input[type=radio]',
    textbox: 'input:not([type]), input[type=text], input[type=search], input[type=url], textarea',
    link: 'a[href]',
  };
  const nameOf = (element) => norm(element.getAttribute('aria-label')
    || (element.labels && element.labels.length ? [...element.labels].map((label) => label.innerText).join(' ')
      : element.innerText)); // what shows: the answers' letters, hidden while the quiz runs, are not part of it
  const roots = scope ? [...document.querySelectorAll(scope)].filter(shown) : [document];
  for (const root of roots) {
    for (const element of root.querySelectorAll(selectors[role])) {
      if (nameOf(element) !== norm(name)) continue;
      if (shown(element)) return element;
      const label = element.labels && [...element.labels].find(shown); // a styled radio: its label is what shows
      if (label) return label;
    }
  }
  return null;
}

function bySelector(selector, index) {
  const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  return [...document.querySelectorAll(selector)].filter(shown)[index || 0] || null;
}

function radioByValue(value) { // in the step shown, as the turns' test of test_compare_browser.py does
  const shown = (element) => element.getClientRects().length > 0;
  const field = [...document.querySelectorAll('[data-quiz] fieldset')].find(shown);
  const input = field && field.querySelector(`input[value="${CSS.escape(value)}"]`);
  return input && (shown(input) ? input : [...input.labels].find(shown)) || null;
}

const quizIs = (name, value) => document.querySelector('[data-quiz]')?.getAttribute(`data-${name}`) === value;
const materialStarted = () => !document.documentElement.classList.contains('js')
  || !document.getElementById('__config') || window.component$ !== undefined;
const shownText = (selector) => {
  const element = document.querySelector(selector);
  return element && element.getClientRects().length ? element.innerText.replace(/\s+/g, ' ').trim() : null;
};
const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(true)));

// ---- In Node: waiting for states, clicking, typing ----

const norm = (text) => text.replace(/\s+/g, ' ').trim();

function check(condition, message) { if (!condition) throw new Error(message); }

async function waitFor(page, fn, args, what) {
  waitingFor = what;
  const end = Date.now() + BOUND;
  let last;
  for (;;) {
    try {
      const value = await page.evaluate(fn, ...args);
      if (value) return value;
      last = value;
    } catch (error) { last = error.message; } // a page between two addresses: asked again
    if (Date.now() > end) throw new Error(`${what}: not so after ${BOUND / 1000} s (last seen: ${JSON.stringify(last)})`);
    try { await page.evaluate(nextFrame); } catch { /* navigating */ }
  }
}

async function find(page, fn, args, what) {
  waitingFor = what;
  const end = Date.now() + BOUND;
  for (;;) {
    let element = null;
    try { element = await page.find(fn, ...args); } catch { /* navigating */ }
    if (element) return element;
    if (Date.now() > end) throw new Error(`${what}: not found on ${await page.url()}`);
    try { await page.evaluate(nextFrame); } catch { /* navigating */ }
  }
}

// An element found, then clicked; found again when the page replaced it in between (a list of search results
// redrawn as the search answers: the element clicked is the one shown, as a person's click is).
async function clickFound(page, fn, args, what) {
  const end = Date.now() + BOUND;
  for (;;) {
    const element = await find(page, fn, args, what);
    waitingFor = `a click on ${what}`;
    try { return await page.click(element); } catch (error) {
      if (!/stale element|detached|not attached|no such (element|node)|Node with given id|Cannot find context/i
        .test(error.message) || Date.now() > end) throw error;
    }
  }
}

const click = (page, role, name, scope) => clickFound(page, byRole, [role, name, scope ?? null],
  `the ${role} "${name}"`);

// A file that "failed to load" as the page asking for it was left (errors.js marks it) is a load stopped by
// the browser, not a failure a reader sees, unless the file is missing.
const STOPPED = / \(stopped: the page was being left\)$/;
async function missing(address) {
  const url = new URL(address);
  if (url.protocol === 'file:') return !existsSync(fileURLToPath(new URL(url.pathname, url)));
  try { return !(await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(BOUND) })).ok; } catch { return true; }
}

async function expectNoErrors(page, allowed = () => false) {
  waitingFor = 'the script errors seen';
  const errors = [];
  for (const error of await page.errors()) {
    if (allowed(error)) continue;
    const stopped = STOPPED.test(error) && error.match(/failed to load (\S+)/);
    if (stopped && !(await missing(stopped[1]))) continue;
    errors.push(error);
  }
  check(errors.length === 0, `script errors: ${errors.join(' | ')}`);
}

// The quiz from its intro to its result by clicks: Start, each question's answer by its label, Next, the two
// questions of the reader's own view left out, then See the result.
async function walkQuiz(page, spec, lang, answers) {
  const ui = spec.ui[lang];
  await waitFor(page, quizIs, ['state', 'intro'], 'the quiz shows its intro');
  await click(page, 'button', ui.start);
  for (const [index, question] of spec.questions.entries()) {
    await waitFor(page, quizIs, ['step', String(index + 1)], `question ${index + 1} shown`);
    await click(page, 'radio', question.answers[answers[question.id]][lang], '[data-quiz] fieldset');
    await click(page, 'button', ui.next);
  }
  for (const step of [spec.questions.length + 1, spec.questions.length + 2]) {
    await waitFor(page, quizIs, ['step', String(step)], `step ${step} shown`);
    await click(page, 'button', ui.next);
  }
  await waitFor(page, quizIs, ['step', String(spec.questions.length + 3)], 'the last step shown');
  await click(page, 'button', ui.see_result);
  await waitFor(page, quizIs, ['state', 'result'], 'the result shown');
}

// From the result: the reader's name typed into the share form; the link it makes.
async function shareLink(page, spec, lang, label) {
  const ui = spec.ui[lang];
  await page.type(await find(page, byRole, ['textbox', ui.share_label, '.quiz__share'], 'the share form'), label);
  const wanted = `${encodeURIComponent(label)}`;
  return waitFor(page, (name, ending) => {
    const field = [...document.querySelectorAll('.quiz__share input')].find((input) => [...(input.labels || [])]
      .some((label) => label.textContent.replace(/\s+/g, ' ').trim() === name));
    return field && field.value.includes('#p=') && field.value.endsWith(ending) && field.value;
  }, [norm(ui.share_link), wanted], 'the share link carries the name');
}

const rows = () => [...document.querySelectorAll('[data-compare] [data-person]')].map((row) => ({
  person: row.dataset.person,
  head: (row.querySelector('th') || {}).textContent?.replace(/\s+/g, ' ').trim() ?? '',
  text: row.textContent.replace(/\s+/g, ' ').trim(),
  placed: [...row.querySelectorAll('td[data-marks~=answers], .forms-scale__step--current')].map((n) => n.dataset.form),
}));

// ---- The journeys ----

export const JOURNEYS = {
  // Every page of both languages loads, shows its heading in its language, with no script error.
  async pages(browser, spec) {
    const page = await browser.newPage(DESKTOP);
    for (const address of spec.pages) {
      await page.goto(address);
      const lang = address.slice(spec.base.length, spec.base.length + 2);
      await waitFor(page, (want) => {
        const heading = document.querySelector('h1');
        return document.readyState === 'complete' && document.documentElement.lang === want && heading
          && heading.getClientRects().length > 0 && (!document.documentElement.classList.contains('js')
          || !document.getElementById('__config') || window.component$ !== undefined);
      }, [lang], `${address} shown in ${lang}, its scripts started`);
    }
    await expectNoErrors(page);
    await page.close();
  },

  // The quiz walked from its intro by clicks on a phone: the result's kicker, form name and definition land
  // below the sticky header and within the screen, as tests/helpers.py assert_lands asks in Chromium.
  async quiz(browser, spec) {
    const lang = 'fr';
    const page = await browser.newPage(PHONE);
    await page.goto(`${spec.base}${lang}/quiz.html`);
    await walkQuiz(page, spec, lang, spec.walks.quiz.answers);
    await page.evaluate(nextFrame);
    const seen = await page.evaluate(() => {
      const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
      const card = document.querySelector('div.quiz__result .quiz-card');
      return {
        header, height: innerHeight,
        parts: ['.quiz-card__kicker', 'h2', '.quiz-card__definition'].map((selector) => {
          const element = card && card.querySelector(selector);
          const box = element && element.getBoundingClientRect();
          return element && { selector, text: element.textContent.replace(/\s+/g, ' ').trim(), top: box.top,
            bottom: box.bottom, shown: box.height > 0 && getComputedStyle(element).visibility !== 'hidden' };
        }),
      };
    });
    const name = seen.parts[1];
    check(name && name.text === norm(spec.walks.quiz.name[lang]),
      `the result names "${name && name.text}", not "${spec.walks.quiz.name[lang]}"`);
    for (const [index, part] of seen.parts.entries()) {
      check(part && part.shown, `the result's ${['kicker', 'form name', 'definition'][index]} is not shown`);
      check(part.top >= seen.header - 0.5, `the result's ${part.selector} starts at y = ${part.top.toFixed(0)}, `
        + `under the sticky header (its bottom at ${seen.header.toFixed(0)})`);
      check(part.bottom <= seen.height + 0.5, `the result's ${part.selector} ends at y = ${part.bottom.toFixed(0)}, `
        + `below the screen (${seen.height} px high)`);
    }
    await expectNoErrors(page);
    await page.close();
  },

  // A link shared from a French result, opened on the English quiz page: the partner's answers, in English.
  async share(browser, spec) {
    const walk = spec.walks.share;
    const sender = await browser.newPage(DESKTOP);
    await sender.goto(`${spec.base}fr/quiz.html`);
    await walkQuiz(sender, spec, 'fr', walk.answers);
    const link = await shareLink(sender, spec, 'fr', walk.label);
    await expectNoErrors(sender);
    await sender.close();
    const reader = await browser.newPage(DESKTOP);
    // The link points at the address the site was built for (SITE_URL): its answers opened on the English page.
    const [page, code] = link.split('#p=');
    check(page === `${spec.site}fr/quiz.html`, `the share link ${link} is not the French quiz page's`);
    const other = `${spec.base}en/quiz.html#p=${code}`;
    await reader.goto(other);
    const ui = spec.ui.en;
    await waitFor(reader, quizIs, ['state', 'compare'], 'the comparison opened from the link');
    const sent = ui.banner_sent.replace('{label}', walk.label);
    await waitFor(reader, (want) => (document.querySelector('[data-banner]')?.innerText ?? '')
      .replace(/\s+/g, ' ').includes(want), [norm(sent)], `the banner says "${sent}"`);
    const title = ui.one_partner.replace('{label}', walk.label);
    await waitFor(reader, (want) => [...document.querySelectorAll('[data-compare] h2')].some((heading) =>
      heading.getClientRects().length && heading.textContent.replace(/\s+/g, ' ').trim() === want),
    [norm(title)], `the heading "${title}" shown`);
    const [row] = await reader.evaluate(rows);
    check(row && row.text.includes(norm(walk.name.en)), `the partner's row does not name "${walk.name.en}"`);
    await expectNoErrors(reader);
    await reader.close();
  },

  // Two partners compared: a reader's result, then a partner's link pasted into the comparison.
  async compare(browser, spec) {
    const lang = 'en';
    const ui = spec.ui[lang];
    const [mine, theirs] = [spec.walks.compare, spec.walks.partner];
    const partner = await browser.newPage(DESKTOP);
    await partner.goto(`${spec.base}${lang}/quiz.html`);
    await walkQuiz(partner, spec, lang, theirs.answers);
    const link = await shareLink(partner, spec, lang, theirs.label);
    await partner.close();
    const reader = await browser.newPage(DESKTOP);
    await reader.goto(`${spec.base}${lang}/quiz.html`);
    await walkQuiz(reader, spec, lang, mine.answers);
    await click(reader, 'button', ui.compare);
    await waitFor(reader, quizIs, ['state', 'compare'], 'the comparison shown');
    await reader.type(await find(reader, byRole, ['textbox', ui.add_label, null], 'the paste field'), link);
    await click(reader, 'button', ui.add_button);
    const added = ui.added.replace('{label}', theirs.label);
    await waitFor(reader, (want) => (document.querySelector('[data-add-status]')?.textContent ?? '')
      .replace(/\s+/g, ' ').trim() === want, [norm(added)], `the comparison says "${added}"`);
    const seen = await reader.evaluate(rows);
    check(seen.length === 2, `${seen.length} people compared, not 2`);
    check(seen[0].head === norm(ui.me), `the first row is "${seen[0].head}", not "${ui.me}"`);
    check(JSON.stringify(seen[1].placed) === JSON.stringify([theirs.form]),
      `the partner is placed at ${seen[1].placed}, not ${theirs.form}`);
    await expectNoErrors(reader);
    await reader.close();
  },

  // Three partners take turns on one device, then the comparison shows the three of them.
  async turns(browser, spec) {
    const lang = 'en';
    const ui = spec.ui[lang];
    const page = await browser.newPage(DESKTOP);
    await page.goto(`${spec.base}${lang}/quiz.html`);
    await waitFor(page, quizIs, ['state', 'intro'], 'the quiz shows its intro');
    await click(page, 'button', ui.room);
    for (const [index, { label, form, answers }] of spec.turns.entries()) {
      if (index) await click(page, 'button', ui.room_next);
      await page.type(await find(page, byRole, ['textbox', ui.room_label, null], 'the partner name field'), label);
      await click(page, 'button', ui.room_start);
      const values = [...spec.questions.map((question) => answers[question.id]), form, form];
      for (const [step, value] of values.entries()) {
        await waitFor(page, quizIs, ['step', String(step + 1)], `${label}: step ${step + 1} shown`);
        await clickFound(page, radioByValue, [value], `${label}: the answer ${value}`);
        await click(page, 'button', ui.next);
      }
      await waitFor(page, quizIs, ['step', String(values.length + 1)], `${label}: the last step shown`);
      await clickFound(page, byRole, ['button', ui.turn_finish, null], `${label}: the button "${ui.turn_finish}"`);
      const done = ui.room_done.replace('{label}', label);
      await waitFor(page, (want) => (document.querySelector('[data-compare]')?.innerText ?? '')
        .replace(/\s+/g, ' ').includes(want), [norm(done)], `"${done}" shown`);
    }
    await click(page, 'button', ui.room_show);
    await waitFor(page, (count) => document.querySelectorAll('[data-compare] [data-person]').length === count,
      [spec.turns.length], `${spec.turns.length} partners compared`);
    const seen = await page.evaluate(rows);
    for (const [index, { label, form }] of spec.turns.entries()) {
      check(seen[index].head === label, `row ${index + 1} is "${seen[index].head}", not "${label}"`);
      check(JSON.stringify(seen[index].placed) === JSON.stringify([form]),
        `${label} is placed at ${seen[index].placed}, not ${form}`);
    }
    await expectNoErrors(page);
    await page.close();
  },

  // The offline copy opened from disk (file://): the chooser leads to a language, search finds a word and
  // leads to a page, the quiz works to its result.
  async offline(browser, spec) {
    const folder = spec.offline;
    const page = await browser.newPage(DESKTOP);
    await page.goto(`${folder}index.html`);
    // The chooser goes to the browser's language when it is one of the site's; else it offers both (a link each).
    const inLanguage = (start) => /^(fr|en)\/index\.html$/.test(location.href.slice(start.length))
      && Boolean(document.querySelector('h1'));
    const where = await waitFor(page, (start) => ((/^(fr|en)\/index\.html$/.test(location.href.slice(start.length))
      && document.querySelector('h1')) ? 'language' : document.querySelector('a[data-language="en"]') && 'chooser'),
    [folder], 'the chooser shown or gone to a language');
    if (where === 'chooser') { // unless it was only about to go: a link gone with its page was clicked too late
      await clickFound(page, bySelector, ['a[data-language="en"]'], 'the link to English').catch(() => {});
    }
    await waitFor(page, inLanguage, [folder], 'the chooser leads to a language');
    await page.goto(`${folder}en/index.html`);
    await waitFor(page, materialStarted, [], "Material's scripts started");
    await clickFound(page, bySelector, ['input.md-search__input'], 'the search field');
    await page.type(await find(page, bySelector, ['input.md-search__input'], 'the search field'), spec.search.word);
    await clickFound(page, bySelector, ['.md-search-result__item a'], `a search result for "${spec.search.word}"`);
    await waitFor(page, (start) => /^en\/[a-z-]+\.html/.test(location.href.slice(start.length))
      && !location.href.endsWith('en/index.html') && document.querySelector('h1')?.getClientRects().length,
    [folder], 'the search result leads to a page');
    await page.goto(`${folder}en/quiz.html`);
    await walkQuiz(page, spec, 'en', spec.walks.offline.answers);
    const name = await page.evaluate(() => document.querySelector('div.quiz__result .quiz-card h2')?.textContent
      .replace(/\s+/g, ' ').trim());
    check(name === norm(spec.walks.offline.name.en), `the result names "${name}", not "${spec.walks.offline.name.en}"`);
    await expectNoErrors(page);
    await page.close();
  },

  // A missing address deep in a language folder: the language's 404 page, styled as the site's pages, whose
  // link leads into the site.
  async missing(browser, spec) {
    const { lang, path, title, home } = spec.missing;
    const page = await browser.newPage(DESKTOP);
    const styles = () => {
      const header = document.querySelector('.md-header');
      return header && { header: getComputedStyle(header).backgroundColor, font: getComputedStyle(document.body).fontFamily };
    };
    await page.goto(`${spec.base}${lang}/index.html`);
    await waitFor(page, materialStarted, [], "Material's scripts started");
    const site = await page.evaluate(styles);
    await page.goto(spec.base + path);
    await waitFor(page, (want) => document.querySelector('h1')?.textContent.replace(/\s+/g, ' ').trim() === want,
      [norm(title)], `the 404 page's heading "${title}"`);
    await waitFor(page, materialStarted, [], "Material's scripts started on the 404 page");
    const seen = await page.evaluate(styles);
    check(JSON.stringify(seen) === JSON.stringify(site),
      `the 404 page is not styled as the site (${JSON.stringify(seen)}, the site: ${JSON.stringify(site)})`);
    await click(page, 'link', home, 'main');
    await waitFor(page, (want) => location.href === want && document.querySelector('h1')?.getClientRects().length,
      [`${spec.base}${lang}/index.html`], 'the home link leads to the home page');
    // Chromium reports the address's own 404 answer in the console, as it must be: not a script error.
    await expectNoErrors(page, (error) => /status of 404/.test(error) && error.includes(path));
    await page.close();
  },
};

// A promise, or an error naming what it did not do within `bound` ms.
function within(promise, bound, what) {
  let timer;
  const late = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(what())), bound); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function main() {
  const [engine, specFile, only] = process.argv.slice(2);
  const spec = JSON.parse(readFileSync(specFile, 'utf-8'));
  const journeyBound = (spec.journey_bound ?? JOURNEY_BOUND / 1000) * 1000;
  const started = Date.now();
  const browser = await launch(engine);
  try {
    for (const [journey, run] of Object.entries(JOURNEYS)) {
      if (only && only !== journey) continue;
      const start = Date.now();
      let error = null;
      let late = false;
      const opened = [];
      const journeyBrowser = { ...browser, newPage: async (size) => { const page = await browser.newPage(size);
        opened.push(page); return page; } };
      waitingFor = 'a page of its own (a fresh profile)';
      const running = run(journeyBrowser, spec);
      running.catch(() => {}); // a journey stopped at its bound may fail later: nothing left to report
      try {
        await within(running, journeyBound, () => { late = true;
          return `did not end within ${journeyBound / 1000} s, waiting for ${waitingFor}`; });
      } catch (problem) { error = problem.message ?? String(problem); }
      // A journey stopped at its bound, or stopped by a call with no answer: the next one gets a new browser.
      if (late || /no answer within|timed out|Timeout/i.test(error ?? '')) {
        await within(browser.restart(), 3 * journeyBound, () => `${engine} did not start again`);
      } else {
        for (const page of opened) await page.close().catch(() => {}); // those a failed journey left open
      }
      process.stdout.write(`${JSON.stringify({ journey, ok: !error, error, seconds: (Date.now() - start) / 1000,
        version: browser.version })}\n`);
    }
  } finally {
    await browser.close();
    process.stderr.write(`${engine}: ${(Date.now() - started) / 1000} s\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
