/**
 * Language links keep the reader's place and remember their choice.
 *
 * A link with data-language="fr|en" (the header's language selector, the chooser page) gets the
 * current #section added when it is followed, and the choice is stored in localStorage so that
 * the chooser page at the site root sends a returning reader straight to their language.
 * Nothing leaves the browser; no cookie is set.
 */
(function () {
  "use strict";

  const STORAGE_KEY = "partenariat.language";

  /**
   * Remembers a language choice; a browser that refuses storage simply forgets it.
   * @param {string} language "fr" or "en"
   */
  function remember(language) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch (error) {
      /* private browsing or storage disabled: nothing to remember */
    }
  }

  /**
   * On a language link, carries the current #section over and stores the choice.
   * Runs in the capture phase, before Material's own click handling.
   * @param {MouseEvent} event
   */
  function onClick(event) {
    const link = event.target instanceof Element ? event.target.closest("a[data-language]") : null;
    if (!link) return;
    remember(link.dataset.language);
    if (window.location.hash && !link.hash) link.hash = window.location.hash;
  }

  document.addEventListener("click", onClick, true);
})();
