"""Fixtures for the content tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .tree import write_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A valid content tree (see tree.py) under tmp_path."""
    return write_tree(tmp_path / "base")
