"""Request and response models of the enrollment, login, audit and admin endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class EnrollRequest(BaseModel):
    """A station trades its one-time enrollment code for a token."""

    model_config = ConfigDict(extra="ignore")

    enrollment_code: str = Field(
        min_length=1, max_length=64, description="as shown by `station add`, dash optional"
    )
    hostname: str = Field(default="", max_length=200)


class EnrollResponse(BaseModel):
    """The station token, shown once; the server keeps only its hash."""

    station_id: str
    token: str


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class LoginResponse(BaseModel):
    """The operator's role and area, and a session for the admin API (shown once; it ends 30
    minutes after its last use or at ``expires_at``, whichever is first)."""

    username: str
    role: str
    area: str
    session_token: str
    expires_at: datetime


class AuditQuery(BaseModel):
    """``actor``, ``action`` and ``target`` match exactly, or by prefix when they end in ``*``;
    ``since`` (inclusive) and ``until`` (exclusive) are ISO 8601 times (UTC without an offset)."""

    limit: int = Field(default=100, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=10**9)
    actor: str | None = Field(default=None, max_length=200)
    action: str | None = Field(default=None, max_length=60)
    target: str | None = Field(default=None, max_length=200)
    since: datetime | None = None
    until: datetime | None = None


class AuditEntryOut(BaseModel):
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    outcome: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditPageOut(BaseModel):
    """Audit entries, newest first."""

    entries: list[AuditEntryOut]
    total: int
    limit: int
    offset: int


# --- the admin API (operator sessions) -------------------------------------------------------

_NAME = Field(min_length=1, max_length=100)


class UserOut(BaseModel):
    """An operator account (never its password)."""

    username: str
    display_name: str
    role: str
    area: str
    badge: str | None
    disabled: bool
    locked_until: datetime | None
    version: int


class UsersOut(BaseModel):
    users: list[UserOut]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    role: str = Field(min_length=1, max_length=20)
    display_name: str = Field(default="", max_length=100)
    area: str = Field(default="", max_length=100)
    badge: str | None = Field(default=None, max_length=64)


class UserPatch(BaseModel):
    """Any of these; a field left out is left as it is, ``badge: null`` clears the badge."""

    model_config = ConfigDict(extra="forbid")

    display_name: str | None = Field(default=None, max_length=100)
    role: str | None = Field(default=None, min_length=1, max_length=20)
    area: str | None = Field(default=None, max_length=100)
    badge: str | None = Field(default=None, max_length=64)
    disabled: bool | None = None


class PasswordSet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(min_length=1, max_length=1024)


class StationOut(BaseModel):
    """A station as the admin sees it; ``pending`` is its outbox as it last reported it."""

    station_id: str
    name: str
    area: str
    hostname: str
    status: str
    enrolled_at: datetime | None
    revoked_at: datetime | None
    enrollment_expires_at: datetime | None
    last_seen_at: datetime | None
    pending: int | None
    last_seq: int


class StationsOut(BaseModel):
    stations: list[StationOut]


class StationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = _NAME
    area: str = Field(default="", max_length=100)


class EnrollmentCodeOut(BaseModel):
    """A station's one-time enrollment code (shown once)."""

    station_id: str
    name: str
    enrollment_code: str
    expires_at: datetime


class AreaOut(BaseModel):
    """An area and how many users and stations are given it."""

    name: str
    users: int
    stations: int


class AreasOut(BaseModel):
    areas: list[AreaOut]


class AreaCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = _NAME


class CodeRulesOut(BaseModel):
    """The site's code rules (tracetrack_core.codes.CodeRules), the version an edit names,
    and whether they are the defaults."""

    rules: dict[str, Any]
    version: int
    defaults: bool


class CodeRulesTest(BaseModel):
    """Sample codes to read under ``rules`` (unsaved) or, without them, the stored rules."""

    model_config = ConfigDict(extra="forbid")

    rules: dict[str, Any] | None = None
    codes: list[str] = Field(min_length=1, max_length=200)


class CodeResultOut(BaseModel):
    code: str
    kind: str = Field(description="parent | child | bill | command | unknown")
    series: str | None
    capacity: int | None
    note: str | None


class RuleProblemOut(BaseModel):
    code: str = Field(description="matches_nothing | matches_anything")
    subject: str = Field(description="a parent series' name, or `child` for the child pattern")
    examples: list[str] = Field(description="texts a matches_anything pattern accepted")


class CodeRulesTestOut(BaseModel):
    """How each code reads, and what would refuse saving the rules (nothing is stored)."""

    results: list[CodeResultOut]
    problems: list[str] = Field(description="each problem as one English sentence")
    problem_details: list[RuleProblemOut] = Field(description="the same problems as data")


class CodeRulesPut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: dict[str, Any]
    version: int = Field(description="the version the edit started from (-1: the defaults)")


class CodeRulesSaved(BaseModel):
    """The rules now in force and their new version."""

    rules: dict[str, Any]
    version: int


class ActionsOut(BaseModel):
    actions: list[str]
