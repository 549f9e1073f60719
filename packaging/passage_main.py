"""Entry script of the standalone program: the same ``passage`` command as the wheel's.

PyInstaller needs a script, not a module; this one only hands over to ``desktop.cli``.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
