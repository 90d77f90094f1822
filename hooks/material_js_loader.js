/*
 * Asks for Material's bundle once the page has been shown (hooks/material_js.py): overrides/main.html
 * writes this function in Material's scripts block, called with the bundle's address. No line comments
 * below: the function is inlined as it is.
 *
 * It waits for the browser's first contentful paint, then two more frames (the first paint may show
 * only the top of the page), then adds the script. A browser that does not report paints gets the
 * script after two frames.
 *
 * @param {string} src the address of the site's copy of Material's bundle, relative to the page
 */
function (src) {
  function load() {
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        setTimeout(function () {
          var script = document.createElement("script");
          script.src = src;
          document.body.appendChild(script);
        });
      });
    });
  }
  var Observer = window.PerformanceObserver;
  if (!Observer || (Observer.supportedEntryTypes || []).indexOf("paint") < 0) {
    load();
    return;
  }
  new Observer(function (list, observer) {
    if (list.getEntriesByName("first-contentful-paint").length) {
      observer.disconnect();
      load();
    }
  }).observe({ type: "paint", buffered: true });
}
