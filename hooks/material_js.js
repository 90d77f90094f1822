/**
 * Material's search worker, started when a reader opens search, from any address or from disk.
 *
 * hooks/material_js.py puts this file in front of Material's bundle and makes the bundle create
 * its search worker with `new SearchWorkerOnDemand(url)` instead of `new Worker(url)`. Nothing is
 * downloaded until the bundle sends the worker its first message, which it does once the reader
 * opens search (click, tap, or the keys f, s, /): then the worker script, the search index and the
 * language's stemmer load.
 *
 * A page opened from disk (file://) may not start a Worker; there the worker script runs in a
 * hidden iframe of the page instead (the technique of the npm package iframe-worker, which
 * Material's worker recognises by `parent.IFrameWorker`), and the index comes from
 * search/search_index.js, which Material's bundle loads by a script tag from disk.
 */
(function () {
  "use strict";

  /**
   * A worker script run in a hidden iframe: same messages, same events as a Worker.
   * @extends EventTarget
   */
  class FrameWorker extends EventTarget {
    /** @param {string} url address of the worker script */
    constructor(url) {
      super();
      const frame = document.createElement("iframe");
      frame.hidden = true;
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      document.body.append(frame);
      this.frame = frame;
      const scope = frame.contentWindow;
      const page = this;
      /** The worker's postMessage: delivered to whoever listens on this object. */
      scope.postMessage = function (data) {
        page.dispatchEvent(new MessageEvent("message", { data: data }));
      };
      /** The worker's importScripts, one script after the other; resolves when all have run. */
      scope.importScripts = function (...urls) {
        return urls.reduce(
          (done, src) => done.then(() => page.load(src)),
          Promise.resolve(),
        );
      };
      this.ready = this.load(new URL(url, document.baseURI).href);
    }

    /**
     * Runs a script inside the iframe.
     * @param {string} src
     * @returns {Promise<void>}
     */
    load(src) {
      const scope = this.frame.contentWindow;
      return new Promise((resolve, reject) => {
        const script = scope.document.createElement("script");
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error("could not load " + src));
        scope.document.body.append(script);
      });
    }

    /** @param {unknown} data a message for the worker script */
    postMessage(data) {
      const copy = structuredClone(data);
      this.ready.then(() => {
        this.frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: copy }));
      });
    }

    terminate() {
      this.frame.remove();
    }
  }

  /**
   * Looks like a Worker to Material's bundle; starts the real one on the first message.
   * @extends EventTarget
   */
  class SearchWorkerOnDemand extends EventTarget {
    /** @param {string} url address of the worker script */
    constructor(url) {
      super();
      this.url = url;
      /** @type {Worker|FrameWorker|null} */
      this.worker = null;
    }

    /** @param {unknown} data a message for the worker */
    postMessage(data) {
      if (!this.worker) {
        this.worker = location.protocol === "file:" ? new FrameWorker(this.url) : new Worker(this.url);
        this.worker.addEventListener("message", (event) => {
          this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
      }
      this.worker.postMessage(data);
    }

    terminate() {
      if (this.worker) this.worker.terminate();
    }
  }

  /**
   * Closes the drawer and search when the browser shows a page again from its history. Material
   * prevents their checkboxes from being restored checked with autocomplete="off", which HTML
   * does not allow on checkboxes (hooks/material_markup.py removes it).
   * @param {PageTransitionEvent} event
   */
  function closeRestoredToggles(event) {
    const navigation = performance.getEntriesByType("navigation")[0];
    if (!event.persisted && !(navigation && navigation.type === "back_forward")) return;
    for (const id of ["__drawer", "__search"]) {
      const toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    }
  }

  /**
   * Material resolves its base address (#__config) against the page's own address. A 404 page is
   * shown at any depth and names its folder with <base> (hooks/not_found.py): there the base is
   * resolved against <base>, so that search finds its index from a missing address too. Elsewhere
   * document.baseURI is the page's address, and nothing changes.
   */
  function resolveBaseAgainstBaseElement() {
    const config = document.getElementById("__config");
    if (!config || !document.querySelector("base[href]")) return;
    const data = JSON.parse(config.textContent);
    data.base = new URL(data.base, document.baseURI).href;
    config.textContent = JSON.stringify(data);
  }

  resolveBaseAgainstBaseElement();
  window.addEventListener("pageshow", closeRestoredToggles);
  window.SearchWorkerOnDemand = SearchWorkerOnDemand;
  if (location.protocol === "file:") window.IFrameWorker = FrameWorker;
})();
