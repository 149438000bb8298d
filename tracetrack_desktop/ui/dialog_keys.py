"""Enter from a scanner is never a click: dialogs whose buttons Return and Enter cannot press.

A keyboard-wedge scanner ends every code with Enter. In a plain dialog that Enter, landing in
a line edit, presses the default button (OK, Next, Finish), and landing on a focused button,
presses that one: a scan while a dialog is open would save settings or skip a setup page.
:func:`guard_enter` stops both. Buttons are still pressed with the mouse, Space and Alt+letter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QDialog, QPushButton

_ENTER_KEYS = frozenset({int(Qt.Key.Key_Return), int(Qt.Key.Key_Enter)})
_RESCAN_EVENTS = frozenset({QEvent.Type.Show, QEvent.Type.ChildPolished})


class _EnterGuard(QObject):
    """Eats Return/Enter key presses at the dialog and at each of its buttons."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        dialog.installEventFilter(self)
        self.watch_buttons()

    def watch_buttons(self) -> None:
        """Filter every button of the dialog, including ones made since the last look."""
        for button in self._dialog.findChildren(QAbstractButton):
            button.installEventFilter(self)  # installing again only moves it to the front
            if isinstance(button, QPushButton):
                # No default button for QDialog to press; a focused button is not pressed by
                # Enter either (QPushButton presses itself only when auto-default).
                button.setAutoDefault(False)
                button.setDefault(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in _ENTER_KEYS:
                # Accepted and filtered: the key goes no further up to the dialog, whose
                # keyPressEvent would press the default button (QWizard sets one per page).
                event.accept()
                return True
        elif watched is self._dialog and kind in _RESCAN_EVENTS:
            # QWizard makes some of its buttons lazily, after the dialog was built.
            self.watch_buttons()
        return False


def guard_enter(dialog: QDialog) -> None:
    """Make sure no Return/Enter key press ever presses a button of ``dialog``.

    Call it at the end of the dialog's ``__init__``, once its buttons exist; buttons added
    later directly under the dialog, and any found when it is shown, are guarded too.
    Text boxes that take Enter themselves (a multi-line editor, a scan line) still get it.
    """
    _EnterGuard(dialog)
