"""The bundle's entry point: ``tracetrack_desktop.cli:main``, as the console script runs it.

A launcher of its own rather than ``tracetrack_desktop/cli.py`` itself: PyInstaller puts the
entry script's folder on the module path, and the package's folder must not be there.
"""

import sys

from tracetrack_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
