"""Passage · 出国务工指南: an offline guide for people who plan to work abroad.

The version lives here and nowhere else: pyproject.toml, the CLI, the PyInstaller
spec and the About page all read it from this module.
"""

__version__ = "0.1.0"
APP_NAME = "Passage"
