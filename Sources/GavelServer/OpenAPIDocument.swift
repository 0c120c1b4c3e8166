/// The API as OpenAPI 3.1, served at `/openapi.json`. Tests check every
/// kind of response the service gives against the schemas here.
enum OpenAPIDocument {
    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Gavel decision service",
            "version": "1",
            "description": "gavel serve: policy decisions over HTTP, each logged before it is answered (docs/server.md)."
          },
          "servers": [{ "url": "/" }],
          "security": [{ "bearer": [] }],
          "paths": {
            "/v1/decisions": {
              "post": {
                "summary": "Decide one case",
                "description": "Needs the `evaluate` role. The case is JSON (by default) or YAML (application/yaml). The decision is committed to the log before the answer is sent.",
                "parameters": [{ "name": "format", "in": "query", "required": false, "schema": { "enum": ["json", "text"] } }],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": { "schema": { "type": "object" } },
                    "application/yaml": { "schema": { "type": "string" } }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The decision record (json) or the audit trail (text)",
                    "content": {
                      "application/json": { "schema": { "$ref": "#/components/schemas/DecisionRecord" } },
                      "text/plain": { "schema": { "type": "string" } }
                    }
                  },
                  "400": { "$ref": "#/components/responses/Error" },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "413": { "$ref": "#/components/responses/Error" },
                  "415": { "$ref": "#/components/responses/Error" },
                  "422": { "$ref": "#/components/responses/Error" },
                  "503": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/v1/decisions:batch": {
              "post": {
                "summary": "Decide a stream of cases",
                "description": "Needs the `evaluate` role. JSON lines in; one line out per non-blank line in, in order: the record, or a BatchError naming the line. Lines are committed to the log before they are written back.",
                "requestBody": { "required": true, "content": { "application/x-ndjson": { "schema": { "type": "string" } } } },
                "responses": {
                  "200": {
                    "description": "One JSON value per line",
                    "content": { "application/x-ndjson": { "schema": { "$ref": "#/components/schemas/BatchLine" } } }
                  },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "415": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/v1/decisions/{id}": {
              "get": {
                "summary": "A logged decision: its entry, record and audit trail",
                "description": "Needs the `audit-read` role. The latest entry for the record id.",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "format", "in": "query", "required": false, "schema": { "enum": ["json", "text"] } }
                ],
                "responses": {
                  "200": {
                    "description": "The logged entry (json) or its audit trail (text)",
                    "content": {
                      "application/json": { "schema": { "$ref": "#/components/schemas/LoggedDecision" } },
                      "text/plain": { "schema": { "type": "string" } }
                    }
                  },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "404": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/v1/screen": {
              "get": {
                "summary": "Screen a name against every list of the bundle",
                "description": "Needs the `audit-read` role: the analyst's look-up.",
                "parameters": [
                  { "name": "name", "in": "query", "required": true, "schema": { "type": "string" } },
                  { "name": "min_score", "in": "query", "required": false, "schema": { "type": "number", "minimum": 0, "maximum": 1 } },
                  { "name": "as_of", "in": "query", "required": false, "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "Matches, best first", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ScreenResult" } } } },
                  "400": { "$ref": "#/components/responses/Error" },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/v1/bundle": {
              "get": {
                "summary": "The bundle in service",
                "description": "Any valid token.",
                "responses": {
                  "200": { "description": "The bundle", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Bundle" } } } },
                  "401": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/v1/bundle:reload": {
              "post": {
                "summary": "Load and lint the bundle folder again, and swap it in if clean",
                "description": "Needs the `override` role. A bundle that fails to load or lint is refused (422) and the old one keeps serving.",
                "responses": {
                  "200": { "description": "Swapped in", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Reload" } } } },
                  "401": { "$ref": "#/components/responses/Error" },
                  "403": { "$ref": "#/components/responses/Error" },
                  "409": { "$ref": "#/components/responses/Error" },
                  "422": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/healthz": {
              "get": {
                "summary": "The process is up",
                "security": [],
                "responses": { "200": { "description": "Up", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } } }
              }
            },
            "/readyz": {
              "get": {
                "summary": "The decision log answers",
                "security": [],
                "responses": {
                  "200": { "description": "Ready", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ready" } } } },
                  "503": { "$ref": "#/components/responses/Error" }
                }
              }
            },
            "/metrics": {
              "get": {
                "summary": "Prometheus metrics",
                "security": [],
                "responses": { "200": { "description": "Text exposition format", "content": { "text/plain": { "schema": { "type": "string" } } } } }
              }
            },
            "/openapi.json": {
              "get": {
                "summary": "This document",
                "security": [],
                "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": { "schema": { "type": "object" } } } } }
              }
            }
          },
          "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "responses": {
              "Error": { "description": "An error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            },
            "schemas": {
              "Problem": {
                "type": "object",
                "required": ["severity", "code", "message", "file", "line", "column", "help", "text"],
                "additionalProperties": false,
                "properties": {
                  "severity": { "enum": ["error", "warning", "info"] },
                  "code": { "type": "string" },
                  "message": { "type": "string" },
                  "file": { "type": ["string", "null"] },
                  "line": { "type": ["integer", "null"] },
                  "column": { "type": ["integer", "null"] },
                  "help": { "type": ["string", "null"] },
                  "text": { "type": "string", "description": "The problem as the command line prints it" }
                }
              },
              "Error": {
                "type": "object",
                "required": ["status", "error", "problems"],
                "additionalProperties": false,
                "properties": {
                  "status": { "type": "integer" },
                  "error": { "type": "string" },
                  "problems": { "type": "array", "items": { "$ref": "#/components/schemas/Problem" } }
                }
              },
              "BatchError": {
                "type": "object",
                "required": ["line", "status", "error", "problems"],
                "additionalProperties": false,
                "properties": {
                  "line": { "type": "integer", "minimum": 1 },
                  "status": { "type": "integer" },
                  "error": { "type": "string" },
                  "problems": { "type": "array", "items": { "$ref": "#/components/schemas/Problem" } }
                }
              },
              "DecisionRecord": {
                "type": "object",
                "description": "The decision record, exactly as `gavel evaluate --format jsonl` prints it (docs/record.md)",
                "required": ["id", "case", "bundle", "lists", "engine", "as_of", "as_of_source", "trace_level", "decision", "determined_by", "scope", "obligations", "rules", "exceptions", "matches"],
                "properties": {
                  "id": { "type": "string", "pattern": "^gvl-[0-9a-f]{32}$" },
                  "case": { "type": "object", "required": ["id", "digest"] },
                  "bundle": { "type": "object", "required": ["id", "version", "digest"] },
                  "lists": { "type": "array" },
                  "engine": { "type": "object" },
                  "as_of": { "type": "string" },
                  "as_of_source": { "enum": ["case", "flag", "now"] },
                  "trace_level": { "enum": ["decisive", "full", "none"] },
                  "decision": { "type": "string" },
                  "determined_by": { "type": "array", "items": { "type": "string" } },
                  "scope": { "type": "object" },
                  "obligations": { "type": "array" },
                  "rules": { "type": "array" },
                  "exceptions": { "type": "array" },
                  "matches": { "type": "array" }
                }
              },
              "BatchLine": {
                "oneOf": [{ "$ref": "#/components/schemas/DecisionRecord" }, { "$ref": "#/components/schemas/BatchError" }, { "$ref": "#/components/schemas/Error" }]
              },
              "LoggedDecision": {
                "type": "object",
                "required": ["seq", "kind", "logged_at", "hash", "previous_hash", "trail", "trail_problem", "record"],
                "additionalProperties": false,
                "properties": {
                  "seq": { "type": "integer", "minimum": 1 },
                  "kind": { "enum": ["decision", "override", "appeal"] },
                  "logged_at": { "type": "string" },
                  "hash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" },
                  "previous_hash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" },
                  "trail": { "type": ["string", "null"] },
                  "trail_problem": { "type": ["string", "null"] },
                  "record": { "$ref": "#/components/schemas/DecisionRecord" }
                }
              },
              "ScreenResult": {
                "type": "object",
                "required": ["name", "as_of", "min_score", "bundle", "matches"],
                "additionalProperties": false,
                "properties": {
                  "name": { "type": "string" },
                  "as_of": { "type": "string" },
                  "min_score": { "type": "number" },
                  "bundle": { "type": "string" },
                  "matches": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["list", "entry", "name", "score", "method", "listed"],
                      "additionalProperties": false,
                      "properties": {
                        "list": { "type": "string" },
                        "entry": { "type": "string" },
                        "name": { "type": "string" },
                        "score": { "type": "number", "minimum": 0, "maximum": 1 },
                        "method": { "enum": ["exact", "alias", "fuzzy", "identifier"] },
                        "listed": { "type": ["string", "null"] }
                      }
                    }
                  }
                }
              },
              "Bundle": {
                "type": "object",
                "required": ["id", "version", "digest", "loaded_at", "lists"],
                "additionalProperties": false,
                "properties": {
                  "id": { "type": "string" },
                  "version": { "type": ["string", "null"] },
                  "digest": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" },
                  "loaded_at": { "type": "string" },
                  "lists": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["id", "title", "as_of", "entries", "digest"],
                      "additionalProperties": false,
                      "properties": {
                        "id": { "type": "string" },
                        "title": { "type": ["string", "null"] },
                        "as_of": { "type": ["string", "null"], "description": "The list's snapshot date" },
                        "entries": { "type": "integer" },
                        "digest": { "type": "string" }
                      }
                    }
                  }
                }
              },
              "Reload": {
                "type": "object",
                "required": ["status", "bundle"],
                "additionalProperties": false,
                "properties": { "status": { "const": "applied" }, "bundle": { "$ref": "#/components/schemas/Bundle" } }
              },
              "Health": {
                "type": "object",
                "required": ["status"],
                "additionalProperties": false,
                "properties": { "status": { "const": "ok" } }
              },
              "Ready": {
                "type": "object",
                "required": ["status", "bundle", "log", "head"],
                "additionalProperties": false,
                "properties": {
                  "status": { "const": "ready" },
                  "bundle": { "type": "string" },
                  "log": { "type": "string" },
                  "head": { "type": "integer", "minimum": 0 }
                }
              }
            }
          }
        }
        """#
}
