"""Read the OpenAPI document into what the Chinese documentation page lists: each operation,
its parameters and the fields of its answer. The page is written from the document, so the
two cannot drift apart."""

from __future__ import annotations

from typing import Any


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema["components"]["schemas"][name]
    return node


def _type(schema: dict, node: dict) -> str:
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in node:
        kinds = [_type(schema, n) for n in node["anyOf"] if n.get("type") != "null"]
        nullable = any(n.get("type") == "null" for n in node["anyOf"])
        return " | ".join(kinds) + (" | null" if nullable else "")
    if node.get("type") == "array":
        return f"[{_type(schema, node.get('items', {}))}]"
    return node.get("format") or node.get("type", "")


def _fields(schema: dict, node: dict) -> list[dict[str, str]]:
    node = _resolve(schema, node)
    return [
        {
            "name": name,
            "type": _type(schema, prop),
            "ref": referenced(_type(schema, prop)),
            "description": prop.get("description", ""),
        }
        for name, prop in node.get("properties", {}).items()
    ]


def operations(schema: dict) -> list[dict[str, Any]]:
    """Every operation of the document, in its order, with parameters and answer fields."""
    result = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            ok = operation["responses"].get("200", {})
            body = ok.get("content", {}).get("application/json", {}).get("schema", {})
            result.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tags": operation.get("tags", []),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": {"query": "查询参数", "path": "路径参数"}.get(p["in"], p["in"]),
                            "required": p.get("required", False),
                            "type": _type(schema, p.get("schema", {})),
                            "description": p.get("description")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "response": _type(schema, body),
                    "response_ref": referenced(_type(schema, body)),
                    "fields": _fields(schema, body),
                    "statuses": sorted(operation["responses"]),
                }
            )
    return result


def components(schema: dict) -> list[dict[str, Any]]:
    """Every data structure of the document (by name) with its fields."""
    return [
        {
            "name": name,
            "description": node.get("description", ""),
            "fields": _fields(schema, node),
        }
        for name, node in sorted(schema.get("components", {}).get("schemas", {}).items())
    ]


def referenced(type_text: str) -> str:
    """The component a field's type names (``[LineOut] | null`` → ``LineOut``), if any."""
    name = type_text.split(" | ")[0].strip("[]")
    return name if name[:1].isupper() else ""
