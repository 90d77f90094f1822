/*
 * Where a 404 page's addresses start from, wherever the page is shown (hooks/not_found.py): this
 * function, inlined right after the page's <base>, moves that <base> when the page is not shown where
 * the site was built for. No line comments below: the function is inlined as it is.
 *
 * @param {HTMLBaseElement} base the page's <base>, which names root + folder
 * @param {string} root the path SITE_URL gives the site ("/" or "/partenariat/")
 * @param {string} folder the page's folder in the site: "fr/", "en/", or "" at the site root
 * @param {string} languages the language folders, "fr|en"
 */
function (base, root, folder, languages) {
  var path = location.pathname;
  var above = new RegExp("^(.*?/)(?:" + languages + ")/").exec(path);
  if (root !== "/" && path.indexOf(root + folder) === 0) {
    return;
  }
  if (above) {
    base.href = above[1] + folder;
  } else if (/\/404\.html$/.test(path)) {
    base.href = path.replace(/[^/]*$/, "");
  }
}
