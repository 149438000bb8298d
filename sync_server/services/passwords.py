"""Password hashing with argon2id. The same hashes are synced to stations for offline login."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024

_hasher = PasswordHasher()


class PasswordPolicyError(ValueError):
    """The password does not meet the minimum rules."""


def check_policy(password: str) -> None:
    """Raise :class:`PasswordPolicyError` when ``password`` is too short or absurdly long."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordPolicyError(f"A password has at most {MAX_PASSWORD_LENGTH} characters.")


def hash_password(password: str) -> str:
    check_policy(password)
    return str(_hasher.hash(password))


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # A real hash with the same parameters, so an unknown user costs as much as a known one.
    return str(_hasher.hash("tracetrack-no-such-user"))


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; ``None`` still spends one verification (constant time)."""
    target = password_hash if password_hash else _dummy_hash()
    try:
        ok = bool(_hasher.verify(target, password[:MAX_PASSWORD_LENGTH]))
    except (VerificationError, InvalidHashError):
        return False
    return ok and password_hash is not None
