"""The seed field of the generation panel: a new random seed on every Generate, unless the user locks one."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QToolButton, QWidget

from composer_app.gui.shell.i18n import Retranslating, tr

MAX_SEED = 2 ** 31 - 1


class SeedField(Retranslating, QWidget):
    """The seed, a button for a new one and a lock; `seed_for_next_run()` is the seed a Generate press uses."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spin = QSpinBox(self)
        self.spin.setObjectName("seed")
        self.spin.setRange(0, MAX_SEED)
        self.spin.setValue(random.randrange(1, 100000))
        # Typing a seed means wanting that seed: it stays locked until the user unlocks it.
        self.spin.lineEdit().textEdited.connect(lambda _text: self.lock.setChecked(True))
        self.dice = QToolButton(self)
        self.dice.clicked.connect(self.new_seed)
        self.lock = QCheckBox(self)
        self.lock.setObjectName("seed_lock")
        layout.addWidget(self.spin, 1)
        layout.addWidget(self.dice)
        layout.addWidget(self.lock)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts and tips in the current language."""
        self.spin.setToolTip(tr("The random seed of the last Generate: with the same seed and settings, a model "
                                "gives the same variations"))
        self.dice.setText(tr("New"))
        self.dice.setToolTip(tr("Draw a new random seed now"))
        self.lock.setText(tr("Lock"))
        self.lock.setToolTip(tr("Locked, Generate repeats this seed; unlocked, every Generate draws a new one and "
                                "so gives new variations"))

    def value(self) -> int:
        return self.spin.value()

    def setValue(self, seed: int) -> None:  # noqa: N802  (the QSpinBox name its callers know)
        self.spin.setValue(seed)

    def new_seed(self) -> None:
        """Draw a new random seed into the field."""
        self.spin.setValue(random.randrange(1, MAX_SEED))

    def seed_for_next_run(self) -> int:
        """The seed a Generate press uses: a new one each time, or the locked one."""
        if not self.lock.isChecked():
            self.new_seed()
        return self.spin.value()
