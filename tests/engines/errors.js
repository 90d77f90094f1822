// Put first in every page by the engines' test server (tests/test_engines.py), before the page's own scripts:
// records every uncaught error, unhandled rejection, console.error and file that failed to load, in
// sessionStorage (it outlives the page, within the tab), for the engines whose driver has no event for them
// (WebKitGTK through classic WebDriver). A file of the site's own origin: the pages' policy allows it ('self').
(function () {
  var key = '__engineErrors';
  var LEFT = '(stopped: the page was being left)'; // journeys.mjs reads this mark
  function note(text) {
    try {
      var seen = JSON.parse(sessionStorage.getItem(key) || '[]');
      seen.push(location.pathname + ': ' + text);
      sessionStorage.setItem(key, JSON.stringify(seen));
    } catch (ignored) { /* no storage: nothing to record into */ }
  }
  // Firefox stops the loads of the page a reader leaves (a link followed, an address typed) and fires `error` on
  // the files they were for, after `beforeunload` and before `pagehide`: a file that "failed" then is said so, and
  // the journeys (journeys.mjs, expectNoErrors) count it only when the file is missing. Nothing leaves the page
  // without `beforeunload` first (a cancelled leave would keep the mark: no page of the site cancels one).
  var leaving = false;
  addEventListener('beforeunload', function () { leaving = true; });
  addEventListener('pageshow', function () { leaving = false; }); // back from the back-forward cache
  addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window) { // a file that failed: a script, a style sheet or a picture (not a hint
      // such as <link rel="next">, which Firefox fetches ahead and drops when the reader leaves)
      if (/^(SCRIPT|IMG)$/.test(target.tagName) || /\bstylesheet\b/.test(target.rel || '')) {
        note('failed to load ' + (target.src || target.href) + (leaving ? ' ' + LEFT : ''));
      }
    } else note('uncaught: ' + event.message + ' (' + event.filename + ':' + event.lineno + ')');
  }, true);
  addEventListener('unhandledrejection', function (event) {
    note('unhandled rejection: ' + (event.reason && event.reason.message || event.reason));
  });
  var error = console.error;
  console.error = function () {
    note('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
})();
