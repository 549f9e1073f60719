"""Grab every page of the main window in Chinese and English as PNG files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py OUT_DIR [--answers FILE]

For looking at what we build on a machine without a screen (the file viewer shows PNGs).
Uses a throw-away data folder; with --answers the profile is filled from an answers file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--answers", type=Path)
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--size", default="1100x760")
    ap.add_argument("--pages", default="")
    ap.add_argument("--topic", action="append", default=[], help="also grab this Guide topic")
    ap.add_argument("--about", action="store_true", help="also grab the About page")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from desktop.paths import DataLocation
    from desktop.store import open_store
    from desktop.ui.app import PassageApp
    from desktop.ui.main_window import PAGE_KEYS, MainWindow
    from desktop.ui.session import Session

    app = PassageApp(sys.argv[:1])
    data = Path(tempfile.mkdtemp(prefix="passage-shots-"))
    store, _ = open_store(data)
    session = Session(store, DataLocation(data, "user"), None, default_profile_name="李伟")
    if args.answers:
        answers = json.loads(args.answers.read_text(encoding="utf-8"))["answers"]
        store.replace_answers(session.profile.id, answers)
    from desktop.knowledge import load_knowledge

    knowledge = load_knowledge()
    w, h = (int(x) for x in args.size.split("x"))
    for lang in ("zh", "en"):
        app.apply_language(lang)
        app.apply_text_scale(args.scale)
        win = MainWindow(
            session,
            language=lang,
            text_scale=args.scale,
            set_language=app.apply_language,
            set_text_scale=app.apply_text_scale,
            interactive=False,
        )
        win.install_knowledge(knowledge)
        win.resize(w, h)
        win.show()
        keys = [k for k in PAGE_KEYS if not args.pages or k in args.pages.split(",")]
        shots = [(key, key, None) for key in keys]
        shots += [("guide", f"guide-{t}", t) for t in args.topic]
        shots += [("guide", "guide-about", "about")] if args.about else []
        for key, name, inside in shots:
            win.show_page(key)
            if inside == "about":
                win.page("guide").show_about()
            elif inside:
                win.show_topic(inside)
            for _ in range(5):
                app.processEvents()
            path = args.out / f"{name}-{lang}.png"
            win.grab().save(str(path))
            print(path)
        win.close()
        win.deleteLater()
        app.processEvents()
    store.close()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
