"""Status bar: online/offline, the time of the last successful sync, an unencrypted link."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget

from tracetrack_desktop.config import plain_http_host


class ConnectionWidget(QLabel):
    """Shows "Online · synced 10:42:07" or "Offline (reason) · last sync 10:40".

    Syncing over plain http:// with another machine (allowed only by the admin's
    ``allow_plain_http``) adds "Unencrypted connection to <host>" in red, for as long as it
    lasts: nobody should forget that the password hashes and scans cross the network in clear.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # on a narrow screen the warning and the sync time take two lines rather than
        # widening the window past the screen
        self.setWordWrap(True)
        self.online = False
        self.unencrypted_host: str | None = None
        self._style = ""
        self._last_sync: datetime | None = None
        self._error: str | None = None
        self.set_state(online=False, last_sync=None, error=None)

    def set_server(self, url: str | None) -> None:
        """The server the station syncs with (None: none); warns when it is plain http."""
        self.unencrypted_host = plain_http_host(url) if url else None
        self.set_state(online=self.online, last_sync=self._last_sync, error=self._error)

    def set_state(self, *, online: bool, last_sync: datetime | None, error: str | None) -> None:
        self.offline_only = False
        self.online, self._last_sync, self._error = online, last_sync, error
        when = last_sync.astimezone().strftime("%H:%M:%S") if last_sync else self.tr("never")
        if online:
            text = self.tr("● Online · last sync {when}").format(when=when)
            style = "color: #15803d; font-weight: 600;"
        else:
            text = self.tr("○ Offline · last sync {when}").format(when=when)
            style = "color: #b45309; font-weight: 600;"
        if self.unencrypted_host:
            warning = self.tr("Unencrypted connection to {host}").format(host=self.unencrypted_host)
            text = f"⚠ {warning} · {text}"  # first: a crowded status bar cuts off the end
            style = "color: #b91c1c; font-weight: 600;"
        self._set_style(style)
        self.setText(text)
        self.setToolTip(error or "")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """One line when the bar has room (a wrapping label asks for less and wraps early);
        its minimum stays a word wide, so a narrow screen wraps it instead."""
        hint = super().sizeHint()
        margins = self.contentsMargins()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 2
        width = one_line + margins.left() + margins.right()
        height = self.heightForWidth(width)
        return QSize(width, height if height > 0 else hint.height())

    def retranslate(self) -> None:
        """Draw the text again in the language now chosen (``ui/i18n.py``)."""
        if self.offline_only:
            self.set_offline_only()
        else:
            self.set_state(online=self.online, last_sync=self._last_sync, error=self._error)

    def set_offline_only(self) -> None:
        self.offline_only = True
        self.online = False
        self.unencrypted_host = None
        self.setText(self.tr("Offline-only station"))
        self._set_style("")

    def _set_style(self, style: str) -> None:
        if style != self._style:  # a new style sheet re-polishes the label: only on a change
            self._style = style
            self.setStyleSheet(style)
