"""The Open draft list: a list (not a combo box as wide as the longest title), long titles cut
with an ellipsis, and a dialog that fits the screen and remembers its size."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from composer.gui.dialog_size import fit

LONGEST = 90  # characters of a title shown; the rest is elided


def short(label: str) -> str:
    return label if len(label) <= LONGEST else label[:LONGEST - 1] + "…"


def pick_draft(parent: QWidget, title: str, prompt: str, labels: list[str]) -> tuple[str, bool]:
    """The chosen label (as given) and whether the officer chose one."""
    shown = [short(label) for label in labels]
    dialog = QInputDialog(parent)
    dialog.setObjectName("openDraft")
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems)
    dialog.setComboBoxItems(shown)
    dialog.setComboBoxEditable(False)
    fit(dialog, "openDraft", 620, 420)
    ok = bool(dialog.exec())
    chosen = dialog.textValue()
    dialog.deleteLater()
    return (labels[shown.index(chosen)] if ok and chosen in shown else ""), ok and chosen in shown
