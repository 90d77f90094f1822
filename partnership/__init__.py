"""The site's domain, apart from the engine that builds it: the data files read and checked (`data`, with
messages an editor can act on), the quiz's model and reference scorer (`quiz`), the pages found by what they
hold (`pages`), typography, the site's words (`glossary`), the checks of Markdown, HTML, settings, links,
published addresses and link versions, pictures, the Content-Security-Policy and the build cache.

It never imports MkDocs (nor Material, nor ProperDocs): hooks/ holds the thin MkDocs adapters that call it,
tools/website.py runs the checks before MkDocs, and tests/test_package.py imports every module with MkDocs
made unimportable. `make` installs it into .venv (and .venv-properdocs) as an editable package, so
`from partnership.data import ...` works from anywhere in the project, without touching sys.path.
"""
