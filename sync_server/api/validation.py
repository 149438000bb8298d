"""Request parsing with the same pydantic models the OpenAPI document is generated from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import orjson
from flask import request
from pydantic import BaseModel, ValidationError

from sync_server.api.errors import ApiError

M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])


def _problems(exc: ValidationError) -> list[dict[str, Any]]:
    return [
        {"field": ".".join(str(p) for p in err["loc"]), "problem": err["msg"]}
        for err in exc.errors(include_url=False, include_input=False)
    ]


def read_json() -> Any:
    """The request body as JSON, or a 400 that says why it is not."""
    raw = request.get_data(cache=True)
    if not raw:
        raise ApiError(400, "invalid_json", "The request body is empty; send a JSON object.")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "invalid_json", f"The request body is not valid JSON: {exc}.") from exc


def parse_body(model: type[M], payload: Any = None) -> M:
    data = read_json() if payload is None else payload
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError(
            400, "invalid_request", "The request body has the wrong shape.", problems=_problems(exc)
        ) from exc


def parse_query(model: type[M]) -> M:
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as exc:
        raise ApiError(
            400, "invalid_query", "The query parameters are not valid.", problems=_problems(exc)
        ) from exc


def spec(
    *,
    summary: str,
    tags: list[str],
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    responses: dict[int, type[BaseModel] | str] | None = None,
    auth: str | None = "read",
    csv: bool = False,
) -> Callable[[F], F]:
    """Declare a route's schema next to it; :mod:`sync_server.api.openapi` reads it back.

    Args:
        auth: ``None`` (open), ``"read"`` (any token), ``"station"`` or ``"admin"``.
        csv: the route also answers ``text/csv`` (``Accept`` or ``?format=csv``).
    """

    def decorate(fn: F) -> F:
        fn.__openapi__ = {  # type: ignore[attr-defined]
            "summary": summary,
            "tags": tags,
            "body": body,
            "query": query,
            "responses": responses or {},
            "auth": auth,
            "csv": csv,
            "doc": (fn.__doc__ or "").strip(),
        }
        return fn

    return decorate
