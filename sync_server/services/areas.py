"""Dispatch areas (docs/domain.md#roles): names that users and stations are given.

An area in use (a user or a station names it) cannot be removed. Names are compared without
regard to case when added, so ``Lucknow`` and ``lucknow`` never become two areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_server.db.models import Area, Station, User
from sync_server.services import audit
from sync_server.services.errors import ConflictError, NotFoundError, ServiceError

MAX_NAME = 100


class InvalidAreaError(ServiceError):
    code = "invalid_input"


class UnknownAreaError(ServiceError):
    code = "unknown_area"


class AreaExistsError(ConflictError):
    code = "area_exists"


class AreaNotFoundError(NotFoundError):
    code = "area_not_found"


class AreaInUseError(ConflictError):
    code = "area_in_use"


@dataclass(frozen=True)
class AreaInfo:
    name: str
    users: int
    stations: int

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "users": self.users, "stations": self.stations}


def clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean or len(clean) > MAX_NAME:
        raise InvalidAreaError(f"An area name is 1-{MAX_NAME} characters.")
    return clean


def _named(session: Session, name: str, *, lock: bool = False) -> str | None:
    """The stored spelling of area ``name`` (any case), or None. ``lock`` holds its row
    (FOR SHARE) to the end of the transaction, so it cannot be removed while it is given."""
    query = select(Area.name).where(func.lower(Area.name) == name.lower())
    if lock:
        query = query.with_for_update(read=True)
    return session.scalars(query).first()


def resolve(session: Session, name: str, *, create: bool, actor: str) -> str:
    """The area a user or station is given, inside the caller's transaction: ``""`` for none,
    else the stored spelling. An unknown one is added when ``create`` (the command line names
    areas as it goes), else refused (the admin API picks from the list)."""
    if not name.strip():
        return ""
    clean = clean_name(name)
    stored = _named(session, clean, lock=True)
    if stored is not None:
        return stored
    if not create:
        raise UnknownAreaError(f"There is no area {clean!r}; add it first.")
    session.add(Area(name=clean))
    audit.record(session, actor=actor, action="area_add", target=clean, after={"name": clean})
    return clean


def _counts(session: Session, name: str) -> AreaInfo:
    users = session.scalar(select(func.count()).select_from(User).where(User.area == name))
    stations = session.scalar(select(func.count()).select_from(Station).where(Station.area == name))
    return AreaInfo(name=name, users=int(users or 0), stations=int(stations or 0))


def list_areas(session: Session) -> list[AreaInfo]:
    """Every area with how many users and stations name it."""
    with session.begin():
        counted = (
            select(column, func.count()).group_by(column) for column in (User.area, Station.area)
        )
        users, stations = ({row[0]: int(row[1]) for row in session.execute(q)} for q in counted)
        return [
            AreaInfo(name=name, users=users.get(name, 0), stations=stations.get(name, 0))
            for name in session.scalars(select(Area.name).order_by(Area.name))
        ]


def add_area(session: Session, name: str, *, actor: str) -> AreaInfo:
    clean = clean_name(name)
    with session.begin():
        stored = _named(session, clean)
        if stored is not None:
            raise AreaExistsError(f"The area {stored!r} exists already.")
        session.add(Area(name=clean))
        audit.record(session, actor=actor, action="area_add", target=clean, after={"name": clean})
    return AreaInfo(name=clean, users=0, stations=0)


def remove_area(session: Session, name: str, *, actor: str) -> None:
    """Remove an area nobody names. Raises AreaNotFoundError, AreaInUseError."""
    with session.begin():
        row = session.scalars(
            select(Area).where(func.lower(Area.name) == name.strip().lower()).with_for_update()
        ).first()
        if row is None:
            raise AreaNotFoundError(f"There is no area {name.strip()!r}.")
        info = _counts(session, row.name)
        if info.users or info.stations:
            raise AreaInUseError(
                f"The area {row.name!r} is still given to {info.users} user(s) and "
                f"{info.stations} station(s); move them to another area first.",
                users=info.users,
                stations=info.stations,
            )
        session.delete(row)
        audit.record(
            session, actor=actor, action="area_remove", target=row.name, before=info.as_json()
        )
