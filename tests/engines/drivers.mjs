// One small interface over three browser engines, so that journeys.mjs is written once:
//   chromium: Debian's Chromium headless shell, through puppeteer-core (Chrome DevTools Protocol);
//   firefox:  Debian's Firefox ESR, through puppeteer-core (WebDriver BiDi, Firefox's own remote protocol);
//   webkit:   Debian's WebKitGTK MiniBrowser, through WebKitWebDriver (classic W3C WebDriver, plain HTTP calls
//             from Node's fetch: the few commands the journeys need), under an Xvfb display of its own.
// Nothing is downloaded: every browser is a Debian package at a fixed path.
//
// A browser: newPage({width, height}) → a page in a fresh profile (a new browser context in Chromium and Firefox,
// a new WebDriver session in WebKit), close(). A page: goto(url), evaluate(fn, ...args) (fn runs in the page; its
// result, awaited, comes back as JSON), find(fn, ...args) (fn returns an element of the page, or null),
// click(element) and type(element, text, {enter}) (what the field held replaced) as a person does (real input events, the element scrolled into
// view first), errors() (every script error seen: the engine's own reports where its protocol has them, and those
// of the listener the test server puts first in every page, tests/engines/errors.js), close(). A browser also has
// restart(): a new browser process (a new driver in WebKit), after a journey that did not end within its bound.
//
// Every call to a browser is bounded (COMMAND): a call that gets no answer fails, naming the call, instead of
// waiting on a browser that has stopped answering (a loaded machine makes a browser slow, never 30 s per command).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

export const BINARIES = {
  chromium: '/usr/bin/chromium-headless-shell',
  firefox: '/usr/bin/firefox-esr',
  // libwebkit2gtk-4.1-0's, in the machine's own multiarch folder (x86_64-linux-gnu, aarch64-linux-gnu…)
  webkit: readdirSync('/usr/lib').map((folder) => `/usr/lib/${folder}/webkit2gtk-4.1/MiniBrowser`).find(existsSync),
  webkitDriver: '/usr/bin/WebKitWebDriver',
  xvfb: '/usr/bin/Xvfb',
};

export const COMMAND = 30_000; // ms: the bound on one call to a browser (a page's load included)
const ERRORS_KEY = '__engineErrors'; // where tests/engines/errors.js keeps what it saw (sessionStorage)
const expression = (fn, args) => `(${fn})(...${JSON.stringify(args)})`;

export async function launch(engine) {
  if (engine === 'webkit') return launchWebKit();
  const start = () => puppeteer.launch({
    browser: engine === 'firefox' ? 'firefox' : 'chrome',
    executablePath: BINARIES[engine],
    headless: engine === 'firefox' ? true : 'shell',
    args: engine === 'firefox' ? [] : ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    protocolTimeout: COMMAND, // a command of the protocol with no answer fails (puppeteer's own: 180 s)
    timeout: 2 * COMMAND, // the browser's start
  });
  let browser = await start();
  const version = await browser.version();
  const stop = async () => {
    const child = browser.process();
    await Promise.race([browser.close(), new Promise((done) => setTimeout(done, COMMAND))]).catch(() => {});
    if (child && child.exitCode === null) child.kill('SIGKILL');
  };
  return {
    version,
    async newPage({ width, height }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(COMMAND);
      page.setDefaultNavigationTimeout(COMMAND);
      await page.setViewport({ width, height });
      return puppeteerPage(page, context);
    },
    async restart() { await stop(); browser = await start(); },
    close: stop,
  };
}

function puppeteerPage(page, context) {
  const native = [];
  page.on('pageerror', (error) => native.push(`uncaught: ${error.message ?? error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') native.push(`console: ${message.text()} (${message.location()?.url ?? ''})`);
  });
  return {
    async goto(url) { await page.goto(url, { waitUntil: 'load' }); },
    url: () => page.url(),
    evaluate: (fn, ...args) => page.evaluate(expression(fn, args)),
    async find(fn, ...args) {
      const handle = await page.evaluateHandle(expression(fn, args));
      const element = handle.asElement();
      if (!element) { await handle.dispose(); return null; }
      return element;
    },
    click: (element) => element.click(),
    async type(element, text, { enter = false } = {}) {
      await element.evaluate((field) => field.select()); // what the field holds is replaced, as fill() does
      await element.type(text);
      if (enter) await page.keyboard.press('Enter');
    },
    async errors() { return [...native, ...(await storedErrors(this))]; },
    close: () => context.close(),
  };
}

async function storedErrors(page) {
  try {
    return await page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) || '[]'), ERRORS_KEY);
  } catch { return []; }
}

// ------------------------------------------------------------------------------------------------
// WebKitGTK: WebKitWebDriver drives MiniBrowser (started with --automation) on an Xvfb display.
// ------------------------------------------------------------------------------------------------

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'; // the W3C WebDriver key of an element reference

async function until(check, what, bound = 20_000) {
  const end = Date.now() + bound;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${bound / 1000} s`);
    await new Promise((resolve) => setImmediate(resolve)); // the next turn of Node's event loop, not a duration
  }
}

function freeDisplay() {
  let display = 90 + (process.pid % 100);
  while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display += 1;
  return display;
}

// Xvfb and WebKitWebDriver each start a process group of their own (detached): a group is killed whole, with the
// MiniBrowsers and WebKit processes the driver started, whatever state they are in.
function startGroup(binary, args, env) {
  const child = spawn(binary, args, { stdio: 'ignore', detached: true, env: { ...process.env, ...env } });
  return {
    child,
    kill() { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone already */ } },
  };
}

async function launchWebKit() {
  const display = freeDisplay();
  const xvfb = startGroup(BINARIES.xvfb, [`:${display}`, '-screen', '0', '1600x1200x24', '-nolisten', 'tcp']);
  let driver = null;
  let base = '';
  try {
    await until(() => existsSync(`/tmp/.X11-unix/X${display}`), `Xvfb's display :${display}`);
  } catch (error) { xvfb.kill(); throw error; }
  // A call to WebKitWebDriver, bounded: one that gets no answer fails with the call and what it was for.
  async function call(method, path, body, bound = COMMAND) {
    let response;
    try {
      response = await fetch(base + path, {
        method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
        signal: AbortSignal.timeout(bound),
      });
    } catch (error) {
      throw new Error(error.name === 'TimeoutError'
        ? `WebKitWebDriver ${method} ${path}${body && body.url ? ` (${body.url})` : ''}: no answer within ${bound / 1000} s`
        : `WebKitWebDriver ${method} ${path}: ${error.message}`);
    }
    const answer = await response.json();
    if (answer.value && answer.value.error) {
      throw new Error(`WebKitWebDriver ${method} ${path}${body && body.url ? ` (${body.url})` : ''}: `
        + `${answer.value.error}: ${answer.value.message || `within ${(COMMAND - 5_000) / 1000} s`}`);
    }
    return answer.value;
  }
  async function startDriver() {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    driver = startGroup(BINARIES.webkitDriver, [`--port=${port}`], { DISPLAY: `:${display}` });
    base = `http://127.0.0.1:${port}`;
    await until(() => fetch(`${base}/status`, { signal: AbortSignal.timeout(COMMAND) }).then((r) => r.ok, () => false),
      'WebKitWebDriver answering');
  }
  try { await startDriver(); } catch (error) { driver.kill(); xvfb.kill(); throw error; }
  let version = '';
  return {
    get version() { return version; },
    async newPage({ width, height }) {
      const session = await call('POST', '/session', { capabilities: { alwaysMatch: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: BINARIES.webkit, args: ['--automation'] },
        // The driver's own bounds, under COMMAND: a page's load, a script's answer.
        timeouts: { pageLoad: COMMAND - 5_000, script: COMMAND - 5_000, implicit: 0 },
      } } }, 2 * COMMAND); // MiniBrowser's start
      version = `MiniBrowser (WebKitGTK ${session.capabilities.browserVersion})`;
      const page = webDriverPage((method, path, body) => call(method, `/session/${session.sessionId}${path}`, body));
      await page.resize(width, height);
      return page;
    },
    async restart() { driver.kill(); await startDriver(); },
    async close() { driver.kill(); xvfb.kill(); },
  };
}

function webDriverPage(call) {
  const page = {
    async resize(width, height) {
      // The window's outer size is what WebDriver sets: grow it by what the window's frame takes.
      await call('POST', '/window/rect', { width, height });
      const inner = await page.evaluate(() => [innerWidth, innerHeight]);
      await call('POST', '/window/rect', { width: 2 * width - inner[0], height: 2 * height - inner[1] });
    },
    async goto(url) { await call('POST', '/url', { url }); },
    url: () => call('GET', '/url'),
    async evaluate(fn, ...args) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => ${expression(fn, args)})
          .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
      const answer = await call('POST', '/execute/async', { script, args: [] });
      if (answer && 'error' in answer) throw new Error(answer.error);
      return answer ? answer.value : undefined;
    },
    async find(fn, ...args) {
      const found = await call('POST', '/execute/sync', { script: `return ${expression(fn, args)};`, args: [] });
      return found && ELEMENT in found ? found[ELEMENT] : null;
    },
    click: (element) => call('POST', `/element/${element}/click`, {}),
    async type(element, text, { enter = false } = {}) {
      await call('POST', `/element/${element}/clear`, {}); // what the field holds is replaced, as fill() does
      await call('POST', `/element/${element}/value`, { text: text + (enter ? '\uE007' : '') });
    },
    errors: () => storedErrors(page), // classic WebDriver has no event for them: errors.js's record only
    close: () => call('DELETE', ''),
  };
  return page;
}
