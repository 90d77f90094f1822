"""The HTML an editor pastes into a page, and the SVG pictures of content/, are reviewed against an allow-list.

The unit tests render Markdown snippets as the site does (its extensions, from mkdocs.yml) and give them to
partnership/html_review.py; the snippets are what a hurried editor pastes: an analytics tag, a YouTube video, a
tracking pixel, a font, Word's markup. The build tests put such a paste into a copy of the project.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import markdown
import pytest
import yaml
from conftest import ROOT, Project, Site
from helpers import article_html
from test_editor_errors import FORBIDDEN, build_with_previous_site

from partnership.html_review import MAX_PER_FILE, review_page, review_svg

WHERE = "content/en/page.md"


@functools.cache
def _renderer() -> markdown.Markdown:
    """Python-Markdown with the site's extensions: MkDocs' own three, then those of mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names, configs = ["toc", "tables", "fenced_code"], {}
    for item in config["markdown_extensions"]:
        name = next(iter(item)) if isinstance(item, dict) else item
        names.append(name)
        if isinstance(item, dict):
            configs[name] = {key: value == "true" if value in ("true", "false") else value
                             for key, value in item[name].items()}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def review(text: str, first_line: int = 1) -> list[str]:
    problems = [str(error) for error in review_page(_renderer().reset().convert(text), text, first_line, WHERE, "en")]
    for problem in problems:
        assert FORBIDDEN.search(problem) is None, problem
        assert "\n" not in problem, problem
    return problems


def only(text: str, first_line: int = 1) -> str:
    problems = review(text, first_line)
    assert len(problems) == 1, problems
    return problems[0]


PAGE = "# A page {#top}\n\nSome text.\n\n{}\n\nMore text.\n"  # the paste lands on line 5


def pasted(snippet: str) -> str:
    return PAGE.replace("{}", snippet)


# What the tester found published ------------------------------------------------------------------------------

GOOGLE_ANALYTICS = """<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-ABC123');
</script>"""


def test_an_analytics_tag_is_refused_as_audience_measurement() -> None:
    problems = review(pasted(GOOGLE_ANALYTICS))
    assert problems and all("tracking or analytics script (Google Analytics)" in p for p in problems), problems
    assert problems[0].startswith(f"{WHERE}:6: ")
    assert "no audience measurement" in problems[0]


def test_a_youtube_video_is_refused_with_a_link_to_make_instead() -> None:
    problem = only(pasted('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" '
                          'title="YouTube video player" frameborder="0" allowfullscreen></iframe>'))
    assert problem.startswith(f"{WHERE}:5: a video from another site"), problem
    assert "www.youtube.com" in problem and "link to it instead" in problem


def test_a_tracking_pixel_from_another_site_is_refused() -> None:
    problem = only(pasted('<img src="https://pixel.tracker.example/p.gif?u=1" width="1" height="1" alt="">'))
    assert problem.startswith(f"{WHERE}:5: a picture from another site (pixel.tracker.example)"), problem
    assert "save the file in content/en/" in problem


def test_a_markdown_picture_from_another_site_is_refused_too() -> None:
    problem = only(pasted("![The team](https://images.example.net/team.jpg)"))
    assert problem.startswith(f"{WHERE}:5: a picture from another site (images.example.net)"), problem


def test_a_font_service_is_refused() -> None:
    problem = only(pasted('<link href="https://fonts.googleapis.com/css2?family=Roboto&display=swap" '
                          'rel="stylesheet">'))
    assert problem.startswith(f"{WHERE}:5: a font from another site (<link> to fonts.googleapis.com)"), problem


def test_a_javascript_link_in_markdown_is_refused() -> None:
    problem = only(pasted("[Click here](javascript:alert(document.cookie))"))
    assert problem.startswith(f"{WHERE}:5: a link that runs a script (javascript:alert(document.cookie))"), problem


@pytest.mark.parametrize("href", ["jav&#x09;ascript:alert(1)", "JAVASCRIPT:alert(1)", "  javascript:alert(1)",
                                  "&#106;avascript:alert(1)", "java&#10;script:alert(1)", "vbscript:msgbox(1)",
                                  "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)"])
def test_a_script_link_is_refused_however_it_is_written(href: str) -> None:
    problem = only(pasted(f'<a href="{href}">a link</a>'))
    assert problem.startswith(f"{WHERE}:5: a link that runs a script"), problem


def test_a_data_link_is_refused() -> None:
    assert "a link to data written into the page" in only(pasted('<a href="data:text/html,<b>x</b>">x</a>'))


def test_an_svg_picture_with_a_script_is_refused() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg">\n<script>fetch("//x.example")</script>\n</svg>'
    problems = [str(p) for p in review_svg(svg, "content/en/logo.svg")]
    assert problems == ["content/en/logo.svg:2: a script inside the SVG picture (<script>); delete it, or export "
                        "the picture again as plain SVG (in Inkscape: Save as, Plain SVG)"]


WORD = """<p class=MsoNormal><b><span lang=FR style='font-size:14.0pt;mso-bidi-font-size:11.0pt'>Notre
partenariat<o:p></o:p></span></b></p>
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	font-size:12.0pt;
	font-family:"Calibri",sans-serif;}
-->
</style>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span><![endif]>Premier point<o:p></o:p></p>"""


def test_word_s_formatting_is_one_message_naming_its_first_line() -> None:
    problem = only(pasted(WORD))
    assert problem.startswith(f"{WHERE}:5: text pasted from Word with its formatting ("), problem
    assert "paste it as plain text (Ctrl+Shift+V)" in problem


def test_word_s_style_block_alone_is_said_to_be_word_s() -> None:
    problem = only(pasted("<style>\np.MsoNormal {mso-style-parent:\"\"; margin:0cm;}\n</style>"))
    assert "text pasted from Word" in problem and "<style>" in problem, problem


def test_a_script_inside_a_word_paste_is_still_said_on_its_own() -> None:
    problems = review(pasted(WORD + "\n\n<script src=\"https://example.com/x.js\"></script>"))
    assert len(problems) == 2, problems
    assert "text pasted from Word" in problems[0] and "a script (<script>)" in problems[1], problems


def _said_on_its_line(snippet: str, said: str) -> None:
    problem = only(pasted(snippet))
    assert problem.startswith(f"{WHERE}:5: "), problem
    assert said in problem, problem


# The other embeds, by name -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("snippet", "said"), [
    ('<iframe src="https://player.vimeo.com/video/76979871" allow="autoplay"></iframe>', "a video from another site"),
    ('<iframe src="https://www.google.com/maps/embed?pb=!1m18" loading="lazy"></iframe>', "a map from another site"),
    ('<iframe src="https://www.openstreetmap.org/export/embed.html?bbox=2.2"></iframe>', "a map from another site"),
    ('<iframe src="https://www.facebook.com/plugins/post.php?href=x"></iframe>', "a widget of Facebook"),
    ('<blockquote class="twitter-tweet"><p>Hello</p></blockquote> <script async '
     'src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>', "a widget of X (Twitter)"),
    ('<script>var _paq = window._paq = []; _paq.push(["trackPageView"]);</script>', "analytics script (Matomo)"),
    ('<script defer data-domain="example.org" src="https://plausible.io/js/script.js"></script>',
     "analytics script (Plausible)"),
    ('<iframe src="https://example.org/widget"></iframe>', "a page from another site embedded in the page"),
    ('<form action="https://docs.google.com/forms/d/x/formResponse"><input name="e"></form>',
     "a form would send readers' answers to another site"),
    ('<object data="https://example.org/file.pdf"></object>', "an embedded object (<object>)"),
    ('<embed src="https://example.org/anim.swf">', "an embedded object (<embed>)"),
    ('<script>alert("hello")</script>', "a script (<script>)"),
    ('<style>p { color: red }</style>', "a style block (<style>)"),
    ('<meta http-equiv="refresh" content="0; url=https://example.org">', "a <meta> element"),
    ('<base href="https://example.org/">', "a <base> element"),
    ('<svg width="10" height="10"><circle r="4"/></svg>', "a drawing pasted as SVG code"),
    ('<marquee>News</marquee>', "the HTML element <marquee> is not one a page can hold"),
])
def test_each_embed_is_named_in_an_editor_s_words(snippet: str, said: str) -> None:
    _said_on_its_line(snippet, said)


@pytest.mark.parametrize(("snippet", "said"), [
    ('<p onclick="track()">Text</p>', 'the attribute onclick="…" on <p> runs a script'),
    ('<img src="photo.png" alt="" onerror="alert(1)">', 'the attribute onerror="…" on <img> runs a script'),
    ('<p style="color: red">Text</p>', 'the attribute style="…" on <p>; delete it'),
    ('<p data-track="1">Text</p>', "the attribute data-track= on <p> is not one a page can use"),
    ('<a href="https://example.org" ping="https://t.example/ping">x</a>', "the attribute ping= on <a>"),
    ('<p style="background: url(\'https://cdn.example.com/bg.png\')">Text</p>',
     'a picture in style="…" from another site (cdn.example.com)'),
    ('<img srcset="photo.png 1x, https://cdn.example.com/photo@2x.png 2x" src="photo.png" alt="">',
     "a picture from another site (cdn.example.com)"),
    ('<img src="//cdn.example.com/photo.png" alt="">', "a picture from another site (cdn.example.com)"),
    ('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">', "an address of the kind 'data:'"),
    ('<img src="file:///C:/Users/Marie/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" alt="">',
     "an address of the kind 'file:'"),
    ('<video controls poster="https://cdn.example.com/poster.jpg" src="film.mp4"></video>',
     "a picture from another site (cdn.example.com)"),
    ('<audio controls src="https://radio.example.com/show.mp3"></audio>', "a sound from another site"),
    ('<table><tr><td background="https://cdn.example.com/bg.png">x</td></tr></table>', "a picture from another site"),
    ('<a href="file:///C:/Documents/rapport.docx">report</a>', "a link of the kind 'file:'"),
])
def test_each_attribute_is_reviewed(snippet: str, said: str) -> None:
    _said_on_its_line(snippet, said)


def test_an_attribute_given_with_attr_list_is_reviewed_on_its_line() -> None:
    problem = only(pasted('Text\n{: onmouseover="alert(1)" }'))
    assert problem.startswith(f'{WHERE}:6: the attribute onmouseover="…" on <p> runs a script'), problem


# What a page of the site legitimately holds --------------------------------------------------------------------

LEGITIMATE = """# A page {#top}

A [link to another site](https://example.org/page?x=1#part), an [e-mail](mailto:contact@example.org), a
[phone](tel:+33100000000), <https://example.org/auto>, a [section](#top) and [a page](about.md#privacy).

![A picture of the site](pictures/team.png){: width="300" height="200" }

<img src="../fr/pictures/plan.svg" alt="A plan" width="100" srcset="pictures/plan.svg 1x, pictures/plan@2x.png 2x">

## A table {#table}

| Form | Weight |
|:-----|-------:|
| *one* | **1** |

<div class="home-actions" markdown>
[Take the quiz](quiz.md){: .md-button .md-button--primary }
</div>

<nav class="page-toc" aria-label="On this page" markdown>
- [Top](#top)
</nav>

<p class="signature">The President<br>
A. Name</p>

Term
:   Its definition, with <abbr title="non-governmental organisation">NGO</abbr>, H<sub>2</sub>O and x<sup>2</sup>.

!!! note "A note"
    An admonition.

<details><summary>More</summary>

Hidden text.

</details>

<!-- quiz -->

<!-- à relire -->

```html
<script src="https://www.googletagmanager.com/gtag/js"></script>
<iframe src="https://www.youtube.com/embed/x"></iframe>
```

Write `<iframe>` or `<script>` in code to show them.

<figure markdown>
![A chart](chart.png)
<figcaption>A caption</figcaption>
</figure>

<a href="https://example.org" target="_blank" rel="noopener" hreflang="fr" lang="fr">ailleurs</a>
"""


def test_what_a_page_legitimately_holds_passes() -> None:
    assert review(LEGITIMATE) == []


def test_every_page_of_the_site_passes() -> None:
    pages = sorted((ROOT / "content").glob("*/*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        assert review(body) == [], page


# Lines ---------------------------------------------------------------------------------------------------------

def test_the_line_is_the_file_s_line_after_the_front_matter() -> None:
    assert only("\n\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n", first_line=7).startswith(
        f"{WHERE}:9: ")


def test_the_same_paste_twice_gives_each_its_own_line() -> None:
    pixel = '<img src="https://t.example/p.gif" alt="">'
    problems = review(pasted(f"{pixel}\n\n{pixel}"))
    assert [p.split(": ")[0] for p in problems] == [f"{WHERE}:5", f"{WHERE}:7"], problems


def test_markdown_s_own_paragraphs_do_not_shift_the_lines_of_pasted_tags() -> None:
    text = "One.\n\nTwo.\n\nThree.\n\n<p class=MsoNormal>Pasted<o:p></o:p></p>\n\n<p onclick=\"x()\">Four</p>\n"
    problems = review(text)
    assert [p.split(": ")[0] for p in problems] == [f"{WHERE}:7", f"{WHERE}:9"], problems


def test_a_paste_shown_in_a_code_block_above_does_not_take_the_line() -> None:
    text = "```\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n```\n\n" \
           "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n"
    assert only(text).startswith(f"{WHERE}:5: ")


def test_many_problems_are_capped_with_a_count_of_the_rest() -> None:
    text = "\n\n".join(f'<img src="https://t.example/{n}.gif" alt="">' for n in range(MAX_PER_FILE + 5))
    problems = review(text)
    assert len(problems) == MAX_PER_FILE + 1, problems
    assert problems[-1] == (f"{WHERE}: 5 more problems of the same kinds in this file, not listed; fix the ones "
                            f"above and build again")


# SVG pictures --------------------------------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n{}\n</svg>'


def svg_problems(inside: str) -> list[str]:
    problems = [str(error) for error in review_svg(SVG.format(inside), "content/fr/plan.svg")]
    for problem in problems:
        assert FORBIDDEN.search(problem) is None, problem
    return problems


@pytest.mark.parametrize(("inside", "said"), [
    ('<rect width="5" height="5" onload="alert(1)"/>', 'the attribute onload="…" in the SVG picture runs a script'),
    ('<image xlink:href="https://cdn.example.com/photo.png" width="5" height="5"/>',
     "a file from another site in the SVG picture (<image> from cdn.example.com)"),
    ('<use href="https://cdn.example.com/icons.svg#star"/>', "(<use> from cdn.example.com)"),
    ('<foreignObject width="5" height="5"><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>',
     "HTML inside the SVG picture (<foreignObject>)"),
    ('<a xlink:href="javascript:alert(1)"><text>x</text></a>', "a link that runs a script in the SVG picture"),
    ('<style>@import url("https://fonts.googleapis.com/css?family=Roboto");</style>',
     "the SVG picture's style imports a style sheet (@import)"),
    ('<rect fill="url(https://cdn.example.com/p.svg#g)" width="5" height="5"/>', "(url() from cdn.example.com)"),
    ('<rect style="fill: url(//cdn.example.com/p.svg#g)" width="5" height="5"/>', "(url() from cdn.example.com)"),
])
def test_an_svg_picture_is_reviewed(inside: str, said: str) -> None:
    problems = svg_problems(inside)
    assert problems and problems[0].startswith("content/fr/plan.svg:2: "), problems
    assert said in problems[0], problems


def test_an_ordinary_svg_picture_passes() -> None:
    assert svg_problems('<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>\n'
                        '<style>.a { fill: url(#g) }</style>\n<rect class="a" fill="url(#g)" width="5" height="5"/>\n'
                        '<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>\n'
                        '<use xlink:href="#g"/>\n<a href="https://example.org/"><text>x</text></a>') == []


def test_an_svg_picture_that_is_not_well_formed_names_its_line() -> None:
    assert svg_problems('<rect width="5">\n<circle r="2"/>') == [
        "content/fr/plan.svg:4: this SVG picture is not well-formed XML; export it again from the drawing program "
        "(as plain SVG), or open it in a text editor and correct this line"]


def test_an_svg_picture_with_entities_is_refused() -> None:
    text = '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    assert [str(p) for p in review_svg(text, "content/fr/plan.svg")] == [
        "content/fr/plan.svg: this SVG picture declares entities or external files (<!ENTITY …>), which the build "
        "does not read; export it again from the drawing program, as plain SVG"]


# In the build --------------------------------------------------------------------------------------------------

def _last_page(copy: Project) -> str:
    return copy.nav()[-1]


def test_a_pasted_video_stops_the_build_with_one_line_naming_file_and_line(project: Callable[[], Project]) -> None:
    copy = project()
    page = f"content/en/{_last_page(copy)}"
    path = copy.file(page)
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    path.write_text(text + '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>\n',
                    encoding="utf-8")
    problems = build_with_previous_site(copy)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{page}:{line}: a video from another site"), problems


def test_an_svg_picture_with_a_script_stops_the_build(project: Callable[[], Project]) -> None:
    copy = project()
    copy.file("content/fr/pictures").mkdir()
    copy.file("content/fr/pictures/plan.svg").write_text(SVG.format('<script>alert(1)</script>'), encoding="utf-8")
    problems = build_with_previous_site(copy)
    assert problems == ["content/fr/pictures/plan.svg:2: a script inside the SVG picture (<script>); delete it, or "
                        "export the picture again as plain SVG (in Inkscape: Save as, Plain SVG)"]


def test_the_blocks_the_hooks_add_are_not_taken_for_an_editor_s(site: Site) -> None:
    # The built articles hold the site's own forms and buttons (the quiz): the review would refuse them,
    # had it read the page after the hooks added their blocks; the site fixture's build passed.
    articles = [page for page in (site.path / "en").glob("*.html")
                if "md-content__inner" in page.read_text(encoding="utf-8")]  # not the redirect pages
    refused = [page.name for page in articles if review_page(article_html(page), "", 1, WHERE, "en")]
    assert refused
