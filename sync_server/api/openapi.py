"""The OpenAPI 3.1 document, generated from the pydantic models each route declares."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify
from pydantic import BaseModel

from sync_server import __version__
from sync_server.api.schemas import EventIn

bp = Blueprint("openapi", __name__)
_ERROR_REF = {"$ref": "#/components/schemas/Error"}
_ITEM_MODELS: dict[str, type[BaseModel]] = {"EventIn": EventIn}

_ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            "additionalProperties": True,
        }
    },
}


def _ref(model: type[BaseModel], components: dict[str, Any]) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, sub in schema.pop("$defs", {}).items():
        components[name] = sub
    for prop in schema.get("properties", {}).values():
        # a list validated loosely (each item answered on its own) but documented precisely
        item_model = prop.pop("x-items-model", None)
        if item_model is not None:
            prop["items"] = _ref(_ITEM_MODELS[item_model], components)
    components[model.__name__] = schema
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    params = []
    for name, raw_prop in schema.get("properties", {}).items():
        prop = dict(raw_prop)
        description = prop.pop("description", None)
        prop.pop("title", None)
        param: dict[str, Any] = {
            "name": name,
            "in": "query",
            "required": name in required,
            "schema": prop,
        }
        if description:
            param["description"] = description
        params.append(param)
    return params


def build_document(app: Flask) -> dict[str, Any]:
    settings = app.extensions["tracetrack"].settings
    components: dict[str, Any] = {"Error": _ERROR_SCHEMA}
    paths: dict[str, Any] = {}
    for rule in app.url_map.iter_rules():
        view = app.view_functions.get(rule.endpoint)
        meta = getattr(view, "__openapi__", None)
        if meta is None:
            continue
        path = re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule.rule)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            op: dict[str, Any] = {
                "operationId": rule.endpoint.replace(".", "_") + "_" + method.lower(),
                "summary": meta["summary"],
                "tags": meta["tags"],
                "responses": {},
            }
            if meta["doc"]:
                op["description"] = meta["doc"]
            params = [
                {
                    "name": arg,
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
                }
                for arg in sorted(rule.arguments)
            ]
            if meta["query"] is not None:
                params += _query_parameters(meta["query"])
            if params:
                op["parameters"] = params
            if meta["body"] is not None:
                op["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": _ref(meta["body"], components)}},
                }
            for status, model in meta["responses"].items():
                if isinstance(model, str):
                    op["responses"][str(status)] = {"description": model}
                    continue
                content: dict[str, Any] = {"application/json": {"schema": _ref(model, components)}}
                if meta["csv"]:
                    content["text/csv"] = {"schema": {"type": "string"}}
                op["responses"][str(status)] = {
                    "description": model.__doc__ or "OK",
                    "content": content,
                }
            for status, text in (
                (400, "Bad request"),
                (401, "Missing or bad token"),
                (403, "Token not allowed here"),
                (404, "Not found"),
                (429, "Rate limited; see Retry-After"),
            ):
                op["responses"].setdefault(
                    str(status),
                    {
                        "description": text,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
            if meta["auth"] is not None:
                op["security"] = [{"bearer": []}]
            else:
                for status in ("401", "403"):
                    if int(status) not in meta["responses"]:
                        op["responses"].pop(status, None)
            paths.setdefault(path, {})[method.lower()] = op
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "TraceTrack sync API",
            "version": __version__,
            "description": "Sync protocol v1 (docs/protocol.md) and its extensions.",
            "x-limits": {
                "max_batch_events": settings.max_batch_events,
                "max_batch_bytes": settings.max_batch_bytes,
            },
        },
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


@bp.get("/api/v1/openapi.json")
def openapi_json() -> Response:
    return jsonify(build_document(current_app))
