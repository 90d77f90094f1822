"""The footer of every page: the site, who publishes it, a contact, the date of its last update, links.

Who publishes the site and the contact come from content/publisher.yml (an empty value leaves its
line out: nothing is invented); the date is that of the project's last commit touching the site's
sources (git), left out where the project has no history. overrides/partials/footer.html draws it
from config.extra["footer"], with the About and privacy links and the same page in the other language.
The About and privacy links name the addresses the site first published (ABOUT), followed through
content/redirects.yml: a page renamed with its redirect is linked to directly; renamed without it, the
link is missing and the build stops on it (partnership/site_links.py).
"""

from __future__ import annotations

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig

from partnership.data import typeset
from partnership.footer import ABOUT, last_update, load_publisher
from partnership.pages import current_address


def on_config(config: MkDocsConfig) -> None:
    lang = config.extra["lang"]
    facts = load_publisher()
    updated = last_update()
    contact = facts["contact"]
    strings = config.extra["strings"]
    config.extra["footer"] = {
        "labels": {  # written out, so that content/strings.yml's check sees every key used
            "publisher": typeset(strings["footer_publisher"], lang),
            "contact": typeset(strings["footer_contact"], lang),
            "updated": typeset(strings["footer_updated"], lang),
            "about": typeset(strings["footer_about"], lang),
            "privacy": typeset(strings["footer_privacy"], lang),
            "other_language": typeset(strings["footer_other_language"], lang),
        },
        "description": typeset(strings["site_description"], lang),
        "publisher": typeset(facts["publisher"][lang], lang),
        "contact": contact,
        "contact_href": f"mailto:{contact}" if contact else "",
        "updated": updated.isoformat() if updated else "",
        "updated_text": format_date(updated, "d MMMM y", locale=lang) if updated else "",
        "links": {key: current_address(address) for key, address in ABOUT.items()},
    }
