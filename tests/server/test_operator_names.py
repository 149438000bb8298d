"""Account names cannot pass for one another (issue 17: per-operator figures name them)."""

from __future__ import annotations

from typing import Any

import pytest

from sync_server.services import users
from tests.server.test_ingest import ctx


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("adm1n", "looks too much like"),
        ("ADM.IN", "looks too much like"),
        ("admln", "looks too much like"),
        ("\u0430dmin", "letters, digits"),  # Cyrillic a
        ("admin\u200b", "letters, digits"),  # a zero-width space
    ],
)
def test_a_look_alike_of_an_existing_name_is_refused(app: Any, name: str, why: str) -> None:
    with ctx(app).sessions() as session:
        users.add_user(session, username="admin", password="correct horse", role="admin", actor="t")
        with pytest.raises(users.ServiceError, match=why):
            users.add_user(
                session, username=name, password="correct horse", role="biller", actor="t"
            )
        assert [u.username for u in users.list_users(session)] == ["admin"]


def test_a_name_in_full_width_is_the_same_name(app: Any) -> None:
    with ctx(app).sessions() as session:
        users.add_user(session, username="ravi", password="correct horse", role="biller", actor="t")
        with pytest.raises(users.UserExistsError):
            users.add_user(
                session, username="\uff52\uff41\uff56\uff49", password="correct horse",
                role="biller", actor="t",
            )  # fmt: skip
