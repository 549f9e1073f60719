"""Where data goes: --data-dir, the portable marker, or the user data folder."""

from __future__ import annotations

from pathlib import Path

from desktop.paths import PORTABLE_DATA, resolve_data_dir


def test_option_wins(tmp_path):
    (tmp_path / "portable").touch()
    loc = resolve_data_dir(tmp_path / "mine", exe_dir=tmp_path)
    assert loc.how == "option" and loc.path == (tmp_path / "mine").resolve()


def test_portable_marker_keeps_data_beside_the_program(tmp_path):
    (tmp_path / "portable").touch()
    loc = resolve_data_dir(None, exe_dir=tmp_path)
    assert loc.how == "portable" and loc.path == tmp_path / PORTABLE_DATA


def test_user_folder_follows_platform(tmp_path):
    loc = resolve_data_dir(None, exe_dir=tmp_path)
    assert loc.how == "user"
    # conftest points XDG_DATA_HOME at a temporary home: never the real one.
    assert str(loc.path).startswith(str(Path.home()))
    assert loc.path.name == "Passage"
