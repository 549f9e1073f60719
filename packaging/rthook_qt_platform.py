"""PyInstaller runtime hook: on Linux, pick X11 (xcb) for the bundled program.

The bundle leaves out Qt's Wayland plugin (packaging/bundle_filters.py). In a Wayland
session Qt would try it first, print "Could not find the Qt platform plugin "wayland"",
and then fall back to X11 through XWayland. Choosing xcb up front skips the warning.
Only when an X display exists and the person has not chosen a platform themselves:
with no display at all (a headless ``passage checklist``), the program picks offscreen.
Programs Passage starts (a PDF viewer) inherit the setting; Qt ones then use XWayland too.
"""

import os
import sys

if (
    sys.platform.startswith("linux")
    and os.environ.get("DISPLAY")
    and not os.environ.get("QT_QPA_PLATFORM")
):
    os.environ["QT_QPA_PLATFORM"] = "xcb"
