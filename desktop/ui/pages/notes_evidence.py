"""The evidence form under a note: money paid and promises made, one small row each.

Rows rather than a spreadsheet-like table: every field is an ordinary labelled input a
screen reader names ("Payment 2: amount"), the Tab key walks through them in reading
order, and at 200 % text the fields wrap onto a second line instead of being cut off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.evidence import (
    CURRENCIES,
    DEFAULT_CURRENCY,
    Payment,
    Promise,
    evidence_data,
    normalise_amount,
    parse_amount,
    parse_date,
    read_evidence,
)

# Digits (also full-width), grouping marks and one decimal point: what people type for money.
_AMOUNT_PATTERN = r"^[0-9０-９][0-9０-９,，\s']*([.．][0-9０-９]{0,4})?$"


class _Row(QFrame):
    """One payment or promise; ``changed`` on every edit, ``removeRequested`` for its button."""

    changed = Signal()
    removeRequested = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 6, 6, 6)
        self.grid.setHorizontalSpacing(8)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))
        self.number = 1

    def set_number(self, number: int) -> None:
        self.number = number
        self.retranslate()

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.findChildren(QLineEdit):
            edit.setReadOnly(read_only)
        for box in self.findChildren(QComboBox) + self.findChildren(QCheckBox):
            box.setEnabled(not read_only)
        self.remove_button.setVisible(not read_only)

    def retranslate(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class PaymentRow(_Row):
    def __init__(self, payment: Payment | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount_label, self.amount = QLabel(), QLineEdit()
        self.amount.setValidator(
            QRegularExpressionValidator(QRegularExpression(_AMOUNT_PATTERN), self.amount)
        )
        self.amount.setPlaceholderText("30000")
        self.currency_label, self.currency = QLabel(), QComboBox()
        for code in CURRENCIES:
            self.currency.addItem("", code)
        self.currency_name = QLineEdit()
        self.currency_name.setMaxLength(40)
        self.date_label, self.date = QLabel(), QLineEdit()
        self.date.setPlaceholderText("2026-11-25")
        self.to_label, self.to = QLabel(), QLineEdit()
        self.receipt = QCheckBox()
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8a4b00;")
        for label, field in (
            (self.amount_label, self.amount),
            (self.currency_label, self.currency),
            (self.date_label, self.date),
            (self.to_label, self.to),
        ):
            label.setBuddy(field)
        g = self.grid
        g.addWidget(self.amount_label, 0, 0)
        g.addWidget(self.amount, 0, 1)
        g.addWidget(self.currency_label, 0, 2)
        currency_box = QHBoxLayout()
        currency_box.addWidget(self.currency, 1)
        currency_box.addWidget(self.currency_name, 1)
        g.addLayout(currency_box, 0, 3)
        g.addWidget(self.date_label, 1, 0)
        g.addWidget(self.date, 1, 1)
        g.addWidget(self.to_label, 1, 2)
        g.addWidget(self.to, 1, 3)
        g.addWidget(self.receipt, 2, 0, 1, 3)
        g.addWidget(self.remove_button, 2, 3, Qt.AlignmentFlag.AlignRight)
        g.addWidget(self.problem, 3, 0, 1, 4)
        g.setColumnStretch(1, 1)
        g.setColumnStretch(3, 2)

        p = payment or Payment("", DEFAULT_CURRENCY, "", "", "", False)
        self.amount.setText(p.amount)
        self.currency.setCurrentIndex(max(self.currency.findData(p.currency), 0))
        self.currency_name.setText(p.currency_name)
        self.date.setText(p.date)
        self.to.setText(p.to)
        self.receipt.setChecked(p.receipt)
        self._show_other()
        for edit in (self.amount, self.currency_name, self.date, self.to):
            edit.textEdited.connect(self._edited)
        self.currency.activated.connect(self._edited)
        self.receipt.toggled.connect(self._edited)
        self.retranslate()

    def payment(self) -> Payment:
        code = self.currency.currentData() or DEFAULT_CURRENCY
        return Payment(
            amount=normalise_amount(self.amount.text()),
            currency=code,
            currency_name=self.currency_name.text().strip() if code == "other" else "",
            to=self.to.text(),
            date=self.date.text().strip(),
            receipt=self.receipt.isChecked(),
        )

    def _edited(self, *_args: object) -> None:
        self._show_other()
        self._check()
        self.changed.emit()

    def _show_other(self) -> None:
        self.currency_name.setVisible(self.currency.currentData() == "other")

    def _check(self) -> None:
        """Say what looks wrong, without refusing it: the person's words are kept."""
        problems = []
        amount = self.amount.text().strip()
        if amount and parse_amount(amount) is None:
            problems.append(self.tr("The amount is not a number, so it is left out of the total."))
        date = self.date.text().strip()
        if date and parse_date(date) is None:
            problems.append(
                self.tr(
                    "Write the date like 2026-11-25 if you know it. "
                    "Otherwise it is kept as you wrote it."
                )
            )
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))

    def retranslate(self) -> None:
        n = str(self.number)
        self.amount_label.setText(self.tr("Amount:"))
        self.currency_label.setText(self.tr("Currency:"))
        self.date_label.setText(self.tr("Date:"))
        self.to_label.setText(self.tr("Paid to:"))
        self.receipt.setText(self.tr("I have a receipt for this"))
        self.remove_button.setText(self.tr("Remove"))
        names = {
            "CNY": self.tr("Chinese yuan (CNY)"),
            "JPY": self.tr("Japanese yen (JPY)"),
            "KRW": self.tr("Korean won (KRW)"),
            "RUB": self.tr("Russian rouble (RUB)"),
            "USD": self.tr("US dollar (USD)"),
            "other": self.tr("Other currency"),
        }
        for i in range(self.currency.count()):
            self.currency.setItemText(i, names[self.currency.itemData(i)])
        self.currency_name.setPlaceholderText(self.tr("Which currency?"))
        self.amount.setAccessibleName(self.tr("Payment %1: amount").replace("%1", n))
        self.currency.setAccessibleName(self.tr("Payment %1: currency").replace("%1", n))
        self.currency_name.setAccessibleName(
            self.tr("Payment %1: name of the currency").replace("%1", n)
        )
        self.date.setAccessibleName(self.tr("Payment %1: date paid").replace("%1", n))
        self.to.setAccessibleName(self.tr("Payment %1: paid to whom").replace("%1", n))
        self.to.setPlaceholderText(self.tr("Company or person"))
        self.receipt.setAccessibleName(self.tr("Payment %1: I have a receipt").replace("%1", n))
        self.remove_button.setAccessibleName(self.tr("Remove payment %1").replace("%1", n))
        self._check()


class PromiseRow(_Row):
    def __init__(self, promise: Promise | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.who_label, self.who = QLabel(), QLineEdit()
        self.what_label, self.what = QLabel(), QLineEdit()
        self.when_label, self.when = QLabel(), QLineEdit()
        g = self.grid
        for row, (label, field) in enumerate(
            ((self.who_label, self.who), (self.what_label, self.what), (self.when_label, self.when))
        ):
            label.setBuddy(field)
            g.addWidget(label, row, 0)
            g.addWidget(field, row, 1)
        g.addWidget(self.remove_button, 3, 1, Qt.AlignmentFlag.AlignRight)
        g.setColumnStretch(1, 1)
        p = promise or Promise("", "", "")
        self.who.setText(p.who)
        self.what.setText(p.what)
        self.when.setText(p.when)
        for edit in (self.who, self.what, self.when):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self.retranslate()

    def promise(self) -> Promise:
        return Promise(who=self.who.text(), what=self.what.text(), when=self.when.text())

    def retranslate(self) -> None:
        n = str(self.number)
        self.who_label.setText(self.tr("Who:"))
        self.what_label.setText(self.tr("What:"))
        self.when_label.setText(self.tr("When:"))
        self.who.setPlaceholderText(self.tr("Who promised it"))
        self.what.setPlaceholderText(self.tr("What was promised (wage, job, visa, housing…)"))
        self.when.setPlaceholderText(self.tr("When it was promised, or by when"))
        self.remove_button.setText(self.tr("Remove"))
        self.who.setAccessibleName(self.tr("Promise %1: who promised").replace("%1", n))
        self.what.setAccessibleName(self.tr("Promise %1: what was promised").replace("%1", n))
        self.when.setAccessibleName(self.tr("Promise %1: when").replace("%1", n))
        self.remove_button.setAccessibleName(self.tr("Remove promise %1").replace("%1", n))


class EvidenceForm(QWidget):
    """Payments and promises of one evidence note. Signals: changed (any edit)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.payments_box = QGroupBox()
        pl = QVBoxLayout(self.payments_box)
        self.payments_hint = QLabel()
        self.payments_hint.setWordWrap(True)
        self.payment_rows = QVBoxLayout()
        self.add_payment_button = QPushButton()
        pl.addWidget(self.payments_hint)
        pl.addLayout(self.payment_rows)
        pl.addWidget(self.add_payment_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.promises_box = QGroupBox()
        ql = QVBoxLayout(self.promises_box)
        self.promises_hint = QLabel()
        self.promises_hint.setWordWrap(True)
        self.promise_rows = QVBoxLayout()
        self.add_promise_button = QPushButton()
        ql.addWidget(self.promises_hint)
        ql.addLayout(self.promise_rows)
        ql.addWidget(self.add_promise_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.payments_box)
        lay.addWidget(self.promises_box)
        self.add_payment_button.clicked.connect(lambda: self.add_payment(focus=True))
        self.add_promise_button.clicked.connect(lambda: self.add_promise(focus=True))
        self._read_only = False
        self.retranslate()

    # -- data ---------------------------------------------------------------------------
    def set_data(self, data: object) -> None:
        """Show the payments and promises of a note's ``data`` (replacing what is shown)."""
        for layout in (self.payment_rows, self.promise_rows):
            while layout.count():
                widget = layout.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
        payments, promises = read_evidence(data if isinstance(data, dict) else None)
        for p in payments:
            self.add_payment(p, emit=False)
        for p in promises:
            self.add_promise(p, emit=False)

    def data(self) -> dict:
        return evidence_data(
            (row.payment() for row in self.payments()), (row.promise() for row in self.promises())
        )

    def payments(self) -> list[PaymentRow]:
        return self._rows(self.payment_rows)  # type: ignore[return-value]

    def promises(self) -> list[PromiseRow]:
        return self._rows(self.promise_rows)  # type: ignore[return-value]

    @staticmethod
    def _rows(layout: QVBoxLayout) -> list[_Row]:
        rows = []
        for i in range(layout.count()):
            widget = layout.itemAt(i).widget()
            if isinstance(widget, _Row):
                rows.append(widget)
        return rows

    # -- rows ---------------------------------------------------------------------------
    def add_payment(
        self, payment: Payment | None = None, *, focus: bool = False, emit: bool = True
    ) -> PaymentRow:
        row = PaymentRow(payment)
        self._add(row, self.payment_rows, emit)
        if focus:
            row.amount.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def add_promise(
        self, promise: Promise | None = None, *, focus: bool = False, emit: bool = True
    ) -> PromiseRow:
        row = PromiseRow(promise)
        self._add(row, self.promise_rows, emit)
        if focus:
            row.who.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def _add(self, row: _Row, layout: QVBoxLayout, emit: bool) -> None:
        layout.addWidget(row)
        row.set_number(layout.count())
        row.set_read_only(self._read_only)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self._remove)
        if emit:
            self.changed.emit()

    def _remove(self, row: QWidget) -> None:
        for layout in (self.payment_rows, self.promise_rows):
            index = layout.indexOf(row)
            if index >= 0:
                layout.takeAt(index)
                row.hide()
                row.deleteLater()
                for n, other in enumerate(self._rows(layout), start=1):
                    other.set_number(n)
                # Keep the keyboard user where they were: on the next row or the Add button.
                rows = self._rows(layout)
                if rows:
                    rows[min(index, len(rows) - 1)].remove_button.setFocus()
                elif layout is self.payment_rows:
                    self.add_payment_button.setFocus()
                else:
                    self.add_promise_button.setFocus()
                self.changed.emit()
                return

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for row in self.payments() + self.promises():
            row.set_read_only(read_only)
        self.add_payment_button.setVisible(not read_only)
        self.add_promise_button.setVisible(not read_only)

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for row in self.payments() + self.promises():
                row.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.payments_box.setTitle(self.tr("Money paid"))
        self.payments_hint.setText(
            self.tr(
                "Write down every payment: fees, deposits, training, tickets. Keep the "
                "receipts. The printed summary adds up what you paid in each currency."
            )
        )
        self.add_payment_button.setText(self.tr("Add a pa&yment"))
        self.add_payment_button.setAccessibleName(self.tr("Add a payment"))
        self.promises_box.setTitle(self.tr("Promises made to you"))
        self.promises_hint.setText(
            self.tr(
                "Write down what an agency or employer promised you, who said it and when, "
                "even if it was only said out loud."
            )
        )
        self.add_promise_button.setText(self.tr("Add a pro&mise"))
        self.add_promise_button.setAccessibleName(self.tr("Add a promise"))
