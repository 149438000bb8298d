"""The admin API (``/api/v1/admin/...``): users, stations, areas, code rules, audit actions.

Every endpoint takes an admin's session (``POST /api/v1/auth/login``), checked against the
live user row on every request (:func:`~sync_server.api.auth.require_session`); every change is
audited with actor ``user:<username>``. The services own the rules and the transactions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint, Response, jsonify

from sync_server.api.auth import current_operator, require_session
from sync_server.api.errors import ApiError
from sync_server.api.extension import context, db_session
from sync_server.api.routes_admin import service_error
from sync_server.api.schemas_admin import (
    ActionsOut,
    AreaCreate,
    AreaOut,
    AreasOut,
    CodeRulesOut,
    CodeRulesPut,
    CodeRulesSaved,
    CodeRulesTest,
    CodeRulesTestOut,
    EnrollmentCodeOut,
    PasswordSet,
    StationCreate,
    StationOut,
    StationsOut,
    UserCreate,
    UserOut,
    UserPatch,
    UsersOut,
)
from sync_server.api.validation import parse_body, spec
from sync_server.services import admin, areas, audit, site_rules, users
from sync_server.services.errors import ServiceError

bp = Blueprint("manage", __name__, url_prefix="/api/v1/admin")

_TAGS = ["admin"]
T = TypeVar("T")


def _run(call: Callable[[], T]) -> T:
    """A service call, its errors answered as ``{"error": ...}`` with their status."""
    try:
        return call()
    except ServiceError as exc:
        raise service_error(exc) from exc


def _created(data: dict[str, Any]) -> tuple[Response, int]:
    return jsonify(data), 201


# --- users -----------------------------------------------------------------------------------


@bp.get("/users")
@spec(summary="Operator accounts", tags=_TAGS, responses={200: UsersOut}, auth="session")
@require_session()
def list_users() -> Response:
    return jsonify({"users": [u.as_json() for u in users.list_users(db_session())]})


@bp.post("/users")
@spec(
    summary="Add an operator account",
    tags=_TAGS,
    body=UserCreate,
    responses={201: UserOut, 409: "The user or badge exists already"},
    auth="session",
)
@require_session()
def add_user() -> tuple[Response, int]:
    """The area must exist (400 ``unknown_area``); a short password answers 400
    ``weak_password``."""
    body = parse_body(UserCreate)
    info = _run(
        lambda: users.add_user(
            db_session(),
            username=body.username,
            password=body.password,
            role=body.role,
            actor=current_operator().actor,
            area=body.area,
            badge=body.badge,
            display_name=body.display_name,
            create_area=False,
        )
    )
    return _created(info.as_json())


@bp.patch("/users/<username>")
@spec(
    summary="Change an account: display name, role, area, badge, disabled",
    tags=_TAGS,
    body=UserPatch,
    responses={
        200: UserOut,
        409: "Own account (role, disable), the last enabled admin, or a badge taken",
    },
    auth="session",
)
@require_session()
def update_user(username: str) -> Response:
    """Fields left out stay as they are; ``badge: null`` clears the badge. Nobody changes
    their own role or disables themself (409 ``own_account``); the last enabled admin is
    neither demoted nor disabled (409 ``last_admin``). A new role or disabling ends the
    user's sessions."""
    body = parse_body(UserPatch)
    sent = body.model_fields_set
    if "disabled" in sent and body.disabled is None:
        raise ApiError(400, "invalid_request", "`disabled` is true or false.")
    for field in ("display_name", "role", "area"):
        if field in sent and getattr(body, field) is None:
            raise ApiError(400, "invalid_request", f"`{field}` cannot be null.")
    changes: dict[str, Any] = {field: getattr(body, field) for field in sent}
    operator = current_operator()
    info = _run(
        lambda: users.update_user(
            db_session(), username, actor=operator.actor, by=operator.username, **changes
        )
    )
    return jsonify(info.as_json())


@bp.post("/users/<username>/password")
@spec(
    summary="Set an operator's password (also unlocks; ends their sessions)",
    tags=_TAGS,
    body=PasswordSet,
    responses={200: UserOut},
    auth="session",
)
@require_session()
def set_password(username: str) -> Response:
    body = parse_body(PasswordSet)
    actor = current_operator().actor
    info = _run(lambda: users.set_password(db_session(), username, body.password, actor=actor))
    return jsonify(info.as_json())


# --- stations --------------------------------------------------------------------------------


@bp.get("/stations")
@spec(summary="Stations", tags=_TAGS, responses={200: StationsOut}, auth="session")
@require_session()
def list_stations() -> Response:
    return jsonify({"stations": [s.as_json() for s in admin.list_stations(db_session())]})


@bp.post("/stations")
@spec(
    summary="Add a station and give it an enrollment code",
    tags=_TAGS,
    body=StationCreate,
    responses={201: EnrollmentCodeOut, 409: "A station of that name exists"},
    auth="session",
)
@require_session()
def add_station() -> tuple[Response, int]:
    """The area must exist (400 ``unknown_area``)."""
    body = parse_body(StationCreate)
    actor = current_operator().actor
    ttl = context().settings.enrollment_ttl_minutes
    issued = _run(
        lambda: admin.add_station(
            db_session(),
            body.name,
            area=body.area,
            actor=actor,
            ttl_minutes=ttl,
            create_area=False,
        )
    )
    return _created(issued.as_json())


@bp.post("/stations/<station_id>/code")
@spec(
    summary="A fresh enrollment code for a station (its tokens stop working)",
    tags=_TAGS,
    responses={201: EnrollmentCodeOut},
    auth="session",
)
@require_session()
def new_code(station_id: str) -> tuple[Response, int]:
    actor = current_operator().actor
    ttl = context().settings.enrollment_ttl_minutes
    issued = _run(
        lambda: admin.new_station_code(db_session(), station_id, actor=actor, ttl_minutes=ttl)
    )
    return _created(issued.as_json())


@bp.post("/stations/<station_id>/revoke")
@spec(
    summary="Revoke a station: its token stops working at once",
    tags=_TAGS,
    responses={200: StationOut},
    auth="session",
)
@require_session()
def revoke_station(station_id: str) -> Response:
    actor = current_operator().actor
    info = _run(lambda: admin.revoke_station(db_session(), station_id, actor=actor))
    return jsonify(info.as_json())


# --- areas -----------------------------------------------------------------------------------


@bp.get("/areas")
@spec(
    summary="Areas, with how many users and stations are given each",
    tags=_TAGS,
    responses={200: AreasOut},
    auth="session",
)
@require_session()
def list_areas() -> Response:
    return jsonify({"areas": [a.as_json() for a in areas.list_areas(db_session())]})


@bp.post("/areas")
@spec(
    summary="Add an area",
    tags=_TAGS,
    body=AreaCreate,
    responses={201: AreaOut, 409: "The area exists already"},
    auth="session",
)
@require_session()
def add_area() -> tuple[Response, int]:
    body = parse_body(AreaCreate)
    actor = current_operator().actor
    info = _run(lambda: areas.add_area(db_session(), body.name, actor=actor))
    return _created(info.as_json())


@bp.delete("/areas/<name>")
@spec(
    summary="Remove an area nobody is given",
    tags=_TAGS,
    responses={204: "Removed", 409: "A user or station is still given the area"},
    auth="session",
)
@require_session()
def remove_area(name: str) -> Response:
    actor = current_operator().actor
    _run(lambda: areas.remove_area(db_session(), name, actor=actor))
    return Response(status=204)


# --- code rules ------------------------------------------------------------------------------


@bp.get("/code-rules")
@spec(
    summary="The site's code rules and their version",
    tags=_TAGS,
    responses={200: CodeRulesOut},
    auth="session",
)
@require_session()
def get_code_rules() -> Response:
    return jsonify(site_rules.stored_rules(db_session()).as_json())


@bp.post("/code-rules/test")
@spec(
    summary="Read sample codes under given (unsaved) or the stored code rules",
    tags=_TAGS,
    body=CodeRulesTest,
    responses={200: CodeRulesTestOut},
    auth="session",
)
@require_session()
def test_code_rules() -> Response:
    """Nothing is stored. ``problems`` lists what would refuse saving the rules; rules that
    do not parse answer 400 ``invalid_rules``."""
    body = parse_body(CodeRulesTest)
    if body.rules is None:
        rules = site_rules.stored_rules(db_session()).rules
    else:
        sent = body.rules
        rules = _run(lambda: site_rules.parse_rules(sent))
    return jsonify(
        {
            "results": [r.as_json() for r in site_rules.try_codes(rules, body.codes)],
            **site_rules.problem_fields(site_rules.problems(rules)),
        }
    )


@bp.put("/code-rules")
@spec(
    summary="Save the site's code rules (stations get them with their next pull)",
    tags=_TAGS,
    body=CodeRulesPut,
    responses={
        200: CodeRulesSaved,
        400: "The rules do not parse, or a pattern matches nothing or nearly everything",
        409: "Someone saved other rules since `version`",
    },
    auth="session",
)
@require_session()
def put_code_rules() -> Response:
    """``version`` is the one the edit started from (``GET`` gives it; -1 for the defaults);
    another answers 409 ``stale_rules``. Refused rules answer 400 ``invalid_rules`` with
    ``problems``."""
    body = parse_body(CodeRulesPut)
    actor = current_operator().actor
    saved = _run(
        lambda: site_rules.save_code_rules(
            db_session(), body.rules, version=body.version, actor=actor
        )
    )
    data = saved.as_json()
    return jsonify({"rules": data["rules"], "version": data["version"]})


# --- audit -----------------------------------------------------------------------------------


@bp.get("/audit/actions")
@spec(
    summary="The action names the audit log holds (for a filter list)",
    tags=_TAGS,
    responses={200: ActionsOut},
    auth="session",
)
@require_session()
def audit_actions() -> Response:
    return jsonify({"actions": audit.distinct_actions(db_session())})
