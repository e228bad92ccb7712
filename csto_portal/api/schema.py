"""Error responses in the OpenAPI schema, so generated clients and fuzzers know every status the API returns."""

ERROR_SCHEMA = {
    "type": "object",
    "description": "An error. `detail` says what went wrong; a 400 lists, per parameter or field, what to correct.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}

ERRORS = {
    "400": "A filter, parameter or field value is invalid; the body says which and why.",
    "401": "Authentication is needed: send `Authorization: Token <key>`.",
    "403": "The user may not do this.",
    "404": "There is no such record or page.",
    "405": "The method is not allowed on this URL.",
    "406": "The requested format is not available.",
    "409": "The change conflicts with other records.",
    "429": "Too many requests; wait a little and retry.",
}


def document_error_responses(result, generator, request, public):
    """drf-spectacular hook: every operation may answer with the errors above, in the shared Error schema."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in ERRORS.items():
                if method == "get" and code in {"401", "403", "409"}:
                    continue
                # Errors come in the format asked for: JSON, or CSV with ?format=csv.
                operation["responses"].setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": reference}, "text/csv": {"schema": reference}},
                    },
                )
    return result
