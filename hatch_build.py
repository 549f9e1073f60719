"""Hatch build hook: compile the Qt translations into the wheel.

The .qm files are build products (not in git); this puts them where
desktop.resources looks in an installed wheel: desktop/_data/resources/translations/.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        # An editable install reads resources/ from the checkout, where ./dev compiles them.
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "tools"))
        from compile_translations import compile_all

        out = Path(tempfile.mkdtemp(prefix="passage-qm-"))
        for qm in compile_all(out, force=True):
            build_data["force_include"][str(qm)] = f"desktop/_data/resources/translations/{qm.name}"
