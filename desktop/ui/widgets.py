"""Small widgets shared by the pages.

Home is built before the window first paints and uses Heading and Paragraph, so this
module does not import ``PySide6.QtCore.Qt`` at module level: the first use of ``Qt``
builds the Python enums of the whole Qt namespace (about 120 enum classes, 30-40 ms on
an ordinary PC), none of which the first paint needs. The few Qt enum values set before
the first paint go through :func:`set_enum_property` as plain numbers; a test checks
each number against Qt's own enum.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QWidget

# Values of Qt enums (Qt::TextInteractionFlag, Qt::ScrollBarPolicy) used before the first
# paint; tests/ui/test_main_window.py checks them against PySide6.QtCore.Qt.
TEXT_SELECTABLE_BY_MOUSE = 0x1  # Qt.TextInteractionFlag.TextSelectableByMouse
TEXT_SELECTABLE_BY_KEYBOARD = 0x2  # Qt.TextInteractionFlag.TextSelectableByKeyboard
SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def escape_html(text: str) -> str:
    """``html.escape(text, quote=False)``, without importing ``html``: that module loads
    the table of all HTML5 entities (3-8 ms and 0.6 MiB before the first paint)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def set_enum_property(widget: QWidget, name: str, value: int) -> None:
    """Set a Qt property whose type is a Qt enum or flags, from its number.

    Qt's property system converts the number to the enum, so this needs no
    ``PySide6.QtCore.Qt`` (see the module docstring). A wrong name must not pass
    silently: Qt would add a dynamic property and change nothing.
    """
    # setProperty is False for a name that is no Q_PROPERTY (and adds a dynamic one).
    # Not asked through metaObject() first: that builds QMetaObject's and QByteArray's
    # Python types before the first paint.
    if not widget.setProperty(name, value):
        raise ValueError(f"{type(widget).__name__} has no settable property {name!r}")


class Heading(QLabel):
    """A page or group heading that grows and shrinks with the app's text size.

    It keeps no font of its own: rich-text sizes are relative to the widget font, which
    follows the application font that the text-size setting changes.
    """

    def __init__(self, text: str = "", level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = level
        # The text always starts with <span ...>, so QLabel's automatic format detection
        # shows it as rich text; what is inside is escaped.
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:
        size = {1: "xx-large", 2: "x-large", 3: "large"}.get(self._level, "large")
        super().setText(
            f'<span style="font-size:{size}; font-weight:600">{escape_html(text)}</span>'
        )
        self.setAccessibleName(text)


class Paragraph(QLabel):
    """Plain wrapped text that a screen reader can reach and a person can select."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        set_enum_property(self, "textInteractionFlags", TEXT_SELECTABLE_BY_MOUSE)


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
