"""`make offline`: the site as one zip, to open from disk where there is no connection (workshops).

    python tools/offline.py   # builds site/ (SITE_URL as for `make build`), then writes culture-de-partenariat.zip

The zip holds one folder, culture-de-partenariat/, with the built site and a short bilingual
LISEZMOI-README.txt: unzip, open index.html in a browser. Every page, the language menu, search
and the quiz work from disk: links are relative (use_directory_urls: false), search runs without a
server (hooks/material_js.py), the quiz keeps its answers in the browser. Addresses meant for
sharing (section links, the newsletter kit, QR codes) stay those of SITE_URL, the published site.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from partnership.data import DEFAULT_SITE_URL, site_root
from sitebuild import runner

ROOT = Path(__file__).resolve().parents[2]  # tools/sitebuild/offline.py: the project
FOLDER = "culture-de-partenariat"
ARCHIVE = ROOT / f"{FOLDER}.zip"
_SKIPPED = (".map", ".gz")  # source maps and the compressed sitemap: nothing a reader opens
_README = """\
Culture de partenariat · Partnership culture — copie hors ligne / offline copy

FR  Ouvrez le fichier index.html de ce dossier (ou fr/index.html) dans un navigateur :
    Firefox, Chrome, Edge ou Safari. Aucune connexion n'est nécessaire ; la recherche et le
    questionnaire fonctionnent. Les réponses au questionnaire restent dans ce navigateur.{fr_url}

EN  Open the file index.html in this folder (or en/index.html) in a browser: Firefox, Chrome,
    Edge or Safari. No connection is needed; search and the quiz work. Quiz answers stay in
    this browser.{en_url}
"""


def write_zip(site_dir: Path, archive: Path = ARCHIVE) -> Path:
    """Zips a built site into archive, under FOLDER/, with the reader's instructions; returns archive."""
    site_url = site_root()
    published = site_url != DEFAULT_SITE_URL  # the local preview address is no address to give
    temporary = archive.with_name(archive.name + ".part")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        zipped.writestr(f"{FOLDER}/LISEZMOI-README.txt", _README.format(
            fr_url=f"\n    Site publié : {site_url}" if published else "",
            en_url=f"\n    Published site: {site_url}" if published else "",
        ))
        for path in sorted(site_dir.rglob("*")):
            if path.is_file() and not path.name.endswith(_SKIPPED):
                zipped.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    temporary.replace(archive)
    return archive


def main() -> int:
    problems = runner.build()
    if problems:
        print("The build stopped; no offline copy was written:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    archive = write_zip(runner.SITE)
    print(f"Wrote {archive.relative_to(ROOT)} ({archive.stat().st_size / 1_000_000:.1f} MB): unzip it, "
          f"then open {FOLDER}/index.html in a browser; no connection needed.")
    if site_root() == DEFAULT_SITE_URL:
        print("Built for the local preview address: for a copy whose shared links point at the public site, "
              "run SITE_URL=https://example.org/partenariat/ make offline")
    return 0

