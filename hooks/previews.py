"""Link previews: Open Graph and Twitter card tags in every page's head, and a picture to go with them.

When a link to the site is shared (messaging apps, social networks, e-mail clients), the preview
shows the page's title and front matter `description`, its canonical address and an image:
assets/previews/<page>.png, 1200×630 pixels, drawn at build time for each page and language with
the page title and the site name, in the font Lato (Python package font-lato, SIL Open Font
License: nothing is downloaded). Every address derives from SITE_URL. The 404 page of each
language gets the same tags (its title and text from content/strings.yml).

PREVIEW_IMAGES=0 skips the images (faster builds while editing): the pages then carry no
og:image and a plain "summary" Twitter card. PREVIEW_IMAGES=1, or unset, draws them.

The same title always gives the same bytes, so an unchanged page keeps an unchanged image; the
images are kept in .cache/previews (hooks/cache.py) and drawn again only when a title, the site
name, the forms or this file change. A title with a character the font cannot draw stops the
build, naming the page.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.cache import cached_bytes
from partnership.data import load_forms, rel, templates
from partnership.previews import _DRAWN_BY, FOLDER, HEIGHT, LOCALES, WIDTH, _check_glyphs, _images_wanted, _plain, draw

_TEMPLATE = templates().get_template("previews.html")


_steps = 7                           # forms on the scale: content/forms.yml, read once per build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _steps
    if _images_wanted():  # a wrong value stops the build before any page is rendered
        _steps = len(load_forms())
        _check_glyphs(_plain(config.site_name), "content/strings.yml: site_name")
        _check_glyphs(config.extra["strings"]["not_found_title"], "content/strings.yml: not_found_title")
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # Checked while the page is read, so that the message names the page and nothing else.
    if _images_wanted():
        _check_glyphs(page.meta["title"], f"{rel(page.file.abs_src_path)}: title")
    return None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # hooks/front_matter.py requires both, and has escaped them for the theme's templates
    title, description = _plain(page.meta["title"]), _plain(page.meta["description"])
    name = PurePosixPath(page.file.dest_uri).with_suffix(".png").as_posix()
    return _inject(output, config, title.strip(), description.strip(), page.canonical_url or "", name,
                   f"{rel(page.file.abs_src_path)}: title")


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    strings = config.extra["strings"]
    return _inject(output, config, strings["not_found_title"], strings["not_found_text"],
                   f"{config.site_url}404.html", "404.png", "content/strings.yml: not_found_title")


def _inject(output: str, config: MkDocsConfig, title: str, description: str, url: str, name: str,
            where: str) -> str:
    """Draw the preview image (unless switched off) and put the tags just before </head>."""
    head_end = output.find("</head>")
    if head_end < 0:
        return output
    lang = config.extra["lang"]
    site_name = _plain(config.site_name)
    image = None
    if _images_wanted():
        path = Path(config.site_dir, *FOLDER.split("/"), *name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(cached_bytes("previews", (_DRAWN_BY, title, site_name, lang, str(_steps)),
                                      lambda: draw(title, site_name, lang, steps=_steps, where=where)))
        image = {"url": f"{config.site_url}{FOLDER}/{name}", "width": WIDTH, "height": HEIGHT,
                 "alt": f"{title} — {site_name}"}
    tags = _TEMPLATE.render(
        site_name=site_name,
        title=title,
        description=description,
        url=url,
        locale=LOCALES[lang],
        alternates=[locale for other, locale in LOCALES.items() if other != lang],
        image=image,
    )
    line_start = output.rfind("\n", 0, head_end) + 1
    return f"{output[:line_start]}{tags}\n{output[line_start:]}"
