"""Settings: language and text size, applied at once and remembered."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.ui.session import TEXT_SCALE_MAX, TEXT_SCALE_MIN, TEXT_SCALE_STEP
from desktop.ui.widgets import Heading, Paragraph

# Each language is named in its own script so a person can find theirs in any UI language.
LANGUAGE_NAMES = (("zh", "中文（简体）"), ("en", "English"))


class SettingsPage(QWidget):
    """Signals:
    languageChosen(str): "zh" or "en".
    textScaleChosen(int): percent, 100-200.
    """

    languageChosen = Signal(str)
    textScaleChosen = Signal(int)

    def __init__(
        self, language: str, text_scale: int, data_path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setSpacing(14)
        self.heading = Heading(level=1)
        lay.addWidget(self.heading)

        self.display_box = QGroupBox()
        form = QFormLayout(self.display_box)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))
        self.language_label.setBuddy(self.language_combo)
        form.addRow(self.language_label, self.language_combo)

        self.size_label = QLabel()
        size_row = QHBoxLayout()
        self.size_slider = QSlider(Qt.Orientation.Horizontal)
        self.size_slider.setRange(TEXT_SCALE_MIN, TEXT_SCALE_MAX)
        self.size_slider.setSingleStep(TEXT_SCALE_STEP)
        self.size_slider.setPageStep(TEXT_SCALE_STEP * 2)
        self.size_slider.setTickInterval(TEXT_SCALE_STEP * 2)
        self.size_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.size_slider.setValue(text_scale)
        self.size_value = QLabel(f"{text_scale}%")
        self.size_value.setMinimumWidth(self.size_value.fontMetrics().horizontalAdvance("200%  "))
        self.size_reset = QPushButton()
        size_row.addWidget(self.size_slider, 1)
        size_row.addWidget(self.size_value)
        size_row.addWidget(self.size_reset)
        self.size_label.setBuddy(self.size_slider)
        form.addRow(self.size_label, size_row)
        lay.addWidget(self.display_box)

        self.about_box = QGroupBox()
        al = QVBoxLayout(self.about_box)
        self.about_text = Paragraph()
        self.data_text = Paragraph()
        self._data_path = data_path
        al.addWidget(self.about_text)
        al.addWidget(self.data_text)
        lay.addWidget(self.about_box)
        lay.addStretch(1)

        self.language_combo.activated.connect(
            lambda i: self.languageChosen.emit(self.language_combo.itemData(i))
        )
        # The slider snaps to steps of 10 so keyboard and mouse give the same values.
        self.size_slider.valueChanged.connect(self._on_slider)
        self.size_reset.clicked.connect(lambda: self.size_slider.setValue(TEXT_SCALE_MIN))
        self.retranslate()

    def add_section(self, widget: QWidget) -> None:
        """Add a group (e.g. profile export/import) above the About box."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.about_box), widget)

    def set_text_scale(self, percent: int) -> None:
        """Reflect a change made elsewhere (menu shortcut) without emitting again."""
        self.size_slider.blockSignals(True)
        self.size_slider.setValue(percent)
        self.size_slider.blockSignals(False)
        self.size_value.setText(f"{percent}%")

    def _on_slider(self, value: int) -> None:
        snapped = round(value / TEXT_SCALE_STEP) * TEXT_SCALE_STEP
        if snapped != value:
            self.size_slider.setValue(snapped)
            return
        self.size_value.setText(f"{snapped}%")
        self.textScaleChosen.emit(snapped)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.display_box.setTitle(self.tr("Language and text"))
        self.language_label.setText(self.tr("&Language:"))
        self.language_combo.setAccessibleName(self.tr("Language of the interface"))
        self.size_label.setText(self.tr("Te&xt size:"))
        self.size_slider.setAccessibleName(self.tr("Text size in percent"))
        self.size_reset.setText(self.tr("&Reset"))
        self.size_reset.setAccessibleName(self.tr("Reset the text size to 100%"))
        self.about_box.setTitle(self.tr("About Passage"))
        self.about_text.setText(
            self.tr(
                "Passage %1. It works without the internet and never sends anything anywhere."
            ).replace("%1", __version__)
        )
        self.data_text.setText(self.tr("Data folder: %1").replace("%1", self._data_path))
