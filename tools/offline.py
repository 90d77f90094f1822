"""`make offline`: the site as one zip, to open from disk where there is no connection (workshops).

    python tools/offline.py   # builds site/ (SITE_URL as for `make build`), then writes culture-de-partenariat.zip

What it does is tools/sitebuild/offline.py (the tests use it).
"""

import sys

from sitebuild.offline import main

if __name__ == "__main__":
    sys.exit(main())
