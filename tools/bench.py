"""`make bench`: how fast the site builds and how light it is for a reader, against tools/budget.yml.

    python tools/bench.py [--runs 5] [--no-lighthouse]

The measures are tools/sitebuild/bench.py (the tests use some of them).
"""

from sitebuild.bench import main

if __name__ == "__main__":
    main()
