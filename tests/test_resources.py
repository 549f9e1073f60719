"""desktop.resources finds resources/ in a checkout, an installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop import resources
from tests.conftest import REPO


@pytest.fixture(autouse=True)
def _clear_cache():
    resources.base_dir.cache_clear()
    yield
    resources.base_dir.cache_clear()


def test_checkout_layout_finds_top_level_resources():
    assert resources.base_dir() == REPO
    assert resources.resource_path("content").is_dir()
    assert resources.seeds_dir() == REPO / "seeds"


def test_frozen_layout_prefers_meipass(tmp_path, monkeypatch):
    (tmp_path / "resources").mkdir()
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.base_dir() == tmp_path
    assert (
        resources.resource_path("templates", "x.j2")
        == tmp_path / "resources" / "templates" / "x.j2"
    )


def test_meipass_ignored_when_not_frozen(tmp_path, monkeypatch):
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert resources.base_dir() == REPO


def test_missing_resources_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_candidates", lambda: [tmp_path / "nowhere"])
    with pytest.raises(resources.ResourcesNotFound, match="cannot find its resources"):
        resources.base_dir()


@pytest.mark.parametrize("bad", ["../secrets", "/etc/passwd", "", "a/../../b"])
def test_names_may_not_escape(bad):
    with pytest.raises(ValueError):
        resources.resource_path(bad)


def test_installed_wheel_layout(tmp_path):
    """Build the real wheel, install it into a bare folder and ask it where its files are."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-build-isolation",
            "--no-deps",
            "-q",
            "-w",
            str(wheel_dir),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop/_data/resources/translations/passage_zh_CN.qm" in names
    assert any(n.startswith("desktop/_data/resources/content/") for n in names)
    assert any(n.startswith("desktop/_data/seeds/") for n in names)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); from desktop import resources; "
            "print(resources.base_dir()); print(resources.resource_path('translations').is_dir())",
            str(target),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.split()
    assert Path(out[0]) == target / "desktop" / "_data"
    assert out[1] == "True"
