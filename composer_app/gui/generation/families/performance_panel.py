"""The Performance RNN panel: a piano performance from silence or continuing the track, with the conditioned
configs' controls (note density, pitch-class histogram, conditioning on/off), dynamics on/off and the piano's rules."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QSlider

from composer_app.gui.generation.families.density_curve import DensityCurve
from composer_app.gui.generation.families.family_panel import FamilyPanel
from composer_app.gui.generation.families.histogram_field import HistogramField
from composer_app.gui.shell.i18n import QT_TR_NOOP, tr
from composer_app.models.rnn.timed_jobs import CONTINUE, FROM_SILENCE

MAX_DENSITY = 40


class PerformancePanel(FamilyPanel):
    family = "performance"
    shipped_id = "performance_with_dynamics"
    published = "performance_with_dynamics.mag"

    def build_own(self, form: QFormLayout) -> None:
        self.start = QComboBox()
        self.start.setObjectName("performance_start")
        self.start.addItem("", FROM_SILENCE)
        self.start.addItem("", CONTINUE)
        self._rows.add(form, QT_TR_NOOP("Start"), self.start)
        self.seconds = QDoubleSpinBox()
        self.seconds.setObjectName("performance_seconds")
        self.seconds.setDecimals(2)  # the model's 10 ms steps
        self.seconds.setRange(1.0, 300.0)
        self.seconds.setSingleStep(1.0)
        self.seconds.setValue(30.0)
        self._rows.add(form, QT_TR_NOOP("Length"), self.seconds)
        row = QHBoxLayout()
        self.density = QSlider(Qt.Horizontal)
        self.density.setObjectName("performance_density")
        self.density.setRange(1, MAX_DENSITY)
        self.density.setValue(8)
        self.density_label = QLabel()
        self.density_label.setMinimumWidth(70)
        self.density.valueChanged.connect(self._show_density)
        row.addWidget(self.density, 1)
        row.addWidget(self.density_label)
        self._rows.add(form, QT_TR_NOOP("Note density"), row)
        # The slider sets the whole performance at once; the curve shapes it over time.
        self.density_curve = DensityCurve(MAX_DENSITY, self.density.value())
        self.density_curve.setObjectName("performance_density_curve")
        self.density_curve.changed.connect(self._show_density)
        self.density.valueChanged.connect(self.density_curve.set_flat)
        self._rows.add(form, QT_TR_NOOP("Over time"), self.density_curve)
        self.histogram = HistogramField()
        self.histogram.setObjectName("performance_histogram")
        self._rows.add(form, QT_TR_NOOP("Pitch classes"), self.histogram)
        self.conditioning = QCheckBox()
        self.conditioning.setObjectName("performance_conditioning")
        self.conditioning.setChecked(True)
        form.addRow(self.conditioning)
        self.dynamics = QCheckBox()
        self.dynamics.setObjectName("performance_dynamics")
        self.dynamics.setChecked(True)
        form.addRow(self.dynamics)
        # On by default: small models sampled without the rules leave piles of notes held (see piano_keys).
        self.piano_rules = QCheckBox()
        self.piano_rules.setObjectName("performance_piano_rules")
        self.piano_rules.setChecked(True)
        form.addRow(self.piano_rules)
        self.controls_note = QLabel()
        self.controls_note.setWordWrap(True)
        form.addRow(self.controls_note)
        self.bundle_changed()

    def retranslate_own(self) -> None:
        self.own_box.setTitle(tr("Performance RNN"))
        self.start.setItemText(0, tr("From silence at the playhead"))
        self.start.setItemText(1, tr("Continue the track before the playhead"))
        self.seconds.setSuffix(tr(" s", "seconds, after a number"))
        self.density.setToolTip(tr("How many notes start per second"))
        self.conditioning.setText(tr("Follow the density and pitch controls"))
        self.dynamics.setText(tr("Dynamics (the model's velocities)"))
        self.dynamics.setToolTip(tr("Off, every note plays at one velocity"))
        self.piano_rules.setText(tr("Piano rules (lift a key before striking it again)"))
        self.piano_rules.setToolTip(tr("The model may not release a key that is up, and a key it strikes while "
                                       "down is lifted first, as a pianist's would be. Magenta samples without "
                                       "these rules: turn them off to hear the model exactly as Magenta plays it."))
        self._show_density()
        self.bundle_changed()

    def _show_density(self, *_args) -> None:
        values = self.density_curve.values() if hasattr(self, "density_curve") else (self.density.value(),)
        if min(values) == max(values):
            self.density_label.setText(tr("{0} notes/s").format(values[0]))
        else:
            self.density_label.setText(tr("{0}–{1} notes/s").format(min(values), max(values)))

    def bundle_changed(self) -> None:
        """Only the controls the bundle's config is conditioned on are enabled, and say why the others are not."""
        config = self.chosen_config()
        names = {s.name for s in config.control_signals} if config is not None else set()
        self.density.setEnabled(config is None or "notes_per_second" in names)
        self.density_curve.setEnabled(self.density.isEnabled())
        self.density_label.setEnabled(self.density.isEnabled())
        self.histogram.setEnabled(config is None or "pitch_class_histogram" in names)
        optional = config is not None and config.optional_conditioning
        self.conditioning.setEnabled(optional)
        self.conditioning.setVisible(optional)  # only the optionally conditioned config can turn its controls off
        self.dynamics.setEnabled(config is None or config.num_velocity_bins > 0)
        # The note encoding writes whole notes: nothing to lift or release.
        self.piano_rules.setEnabled(config is None or not config.writes_whole_notes)
        if config is not None and not names:
            self.controls_note.setText(tr("This model is not conditioned on density or pitch classes, so those "
                                          "controls are off."))
        elif config is not None and len(names) == 1:
            self.controls_note.setText(tr("This model takes only one of the two controls; the other is off."))
        else:
            self.controls_note.setText("")
        self.controls_note.setVisible(bool(self.controls_note.text()))

    def own_settings(self) -> dict:
        return {"mode": self.start.currentData(), "seconds": round(self.seconds.value(), 2),
                # One value, or one per eighth of the performance (Magenta spreads a list evenly over the steps).
                "notes_per_second": (float(self.density.value()) if self.density_curve.is_flat()
                                     else [float(v) for v in self.density_curve.values()]),
                "pitch_class_histogram": self.histogram.values(),
                "conditioning": self.conditioning.isChecked(), "dynamics": self.dynamics.isChecked(),
                "piano_rules": self.piano_rules.isChecked()}
