"""The Qt Widgets interface. No business rules live here: pages show what the core computes."""

import desktop.pyside  # noqa: F401  (first: see its docstring)
