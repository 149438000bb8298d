"""Where the station's token is kept: the OS keyring, or a 0600 file only when asked.

The station never falls back to a plaintext file by itself. Where no keyring backend works
(a server without a desktop session, a locked or missing Secret Service), saving fails with a
:class:`TokenStoreError` whose message names the two fixes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

KEYRING_SERVICE = "tracetrack-station"
SETUP_TOKEN_FILE = "station-token"  # noqa: S105 - a file name, not a secret
"""Where the guided setup offers to keep the token (in the data folder) when no keyring works."""

NO_KEYRING = (
    "No OS keyring is available to keep the station's token. Run the station in a desktop "
    "session with a Secret Service (gnome-keyring or KWallet) unlocked, or on Windows/macOS as "
    "the station's user; or pass --insecure-token-file PATH to keep it in a file only you can "
    "read."
)


class TokenStoreError(Exception):
    """No safe place to keep (or read) the station's token; the message names the fix."""


def _keyring_usable() -> bool:
    import keyring  # noqa: PLC0415

    backend = keyring.get_keyring()
    module = type(backend).__module__
    return not module.startswith(("keyring.backends.fail", "keyring.backends.null"))


def check_token_store(token_file: str | None = None) -> None:
    """Fail early (before an enrollment code is spent) if the token could not be kept."""
    if not token_file and not _keyring_usable():
        raise TokenStoreError(NO_KEYRING)


def save_token(station_id: str, token: str, token_file: str | None = None) -> str:
    """Keep the token; returns a sentence saying where.

    Raises:
        TokenStoreError: no keyring works and no file was asked for, or the keyring refused.
    """
    if token_file:
        path = Path(token_file)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(token)
            os.chmod(path, 0o600)  # an existing file keeps its old mode through O_CREAT
        except OSError as exc:
            raise TokenStoreError(f"cannot write the token file {path}: {exc}") from exc
        return f"token written to {path} (readable only by you) as asked: keep that file safe"
    import keyring  # noqa: PLC0415
    from keyring.errors import KeyringError  # noqa: PLC0415

    if not _keyring_usable():
        raise TokenStoreError(NO_KEYRING)
    try:
        keyring.set_password(KEYRING_SERVICE, station_id, token)
    except KeyringError as exc:
        raise TokenStoreError(f"The OS keyring refused the token: {exc}") from exc
    return "token kept in the OS keyring"


def load_token(station_id: str, token_file: str | None = None) -> str | None:
    """The station's token, or None when none was saved.

    Raises:
        TokenStoreError: the keyring cannot be used or refused to answer.
    """
    if token_file:
        path = Path(token_file)
        try:
            return path.read_text().strip() or None
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise TokenStoreError(f"cannot read the token file {path}: {exc}") from exc
    import keyring  # noqa: PLC0415
    from keyring.errors import KeyringError  # noqa: PLC0415

    if not _keyring_usable():
        raise TokenStoreError(NO_KEYRING)
    try:
        return keyring.get_password(KEYRING_SERVICE, station_id)
    except KeyringError as exc:
        raise TokenStoreError(f"The OS keyring did not answer: {exc}") from exc


@dataclass(frozen=True)
class TokenPlace:
    """Where the token of an enrollment about to happen will be kept, checked before a code
    is spent (a one-time code whose token cannot be kept is a dead end).

    Attributes:
        asked: a file the admin asked for (``--insecure-token-file``, ``[server] token_file``);
            None: the OS keyring.
        fallback: a file the guided setup may offer where no keyring works, with a warning;
            None: offer none.
    """

    asked: str | None = None
    fallback: Path | None = None

    def file(self, use_fallback: bool = False) -> str | None:
        """The file the token goes to (None: the keyring)."""
        if self.asked:
            return self.asked
        return str(self.fallback) if use_fallback and self.fallback else None

    def problem(self, use_fallback: bool = False) -> str | None:
        """Why the token could not be kept as things stand, or None."""
        try:
            check_token_store(self.file(use_fallback))
        except TokenStoreError as exc:
            return str(exc)
        return None

    def keep(self, station_id: str, token: str, use_fallback: bool = False) -> str:
        """:func:`save_token` to this place; raises :class:`TokenStoreError`."""
        return save_token(station_id, token, self.file(use_fallback))


__all__ = [
    "KEYRING_SERVICE",
    "SETUP_TOKEN_FILE",
    "TokenPlace",
    "TokenStoreError",
    "check_token_store",
    "load_token",
    "save_token",
]
