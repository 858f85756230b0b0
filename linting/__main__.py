"""``python -m linting``: see :mod:`linting.cli`."""

import sys

from linting.cli import main

if __name__ == "__main__":
    sys.exit(main())
