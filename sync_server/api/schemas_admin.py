"""Request and response models of the enrollment, login and audit endpoints."""

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
    """The operator's role and area (no token: stations log operators in, not sessions)."""

    username: str
    role: str
    area: str


class AuditQuery(BaseModel):
    limit: int = Field(default=100, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=10**9)


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
