package io.rtdp.schemaregistry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rtdp.schemaregistry.schema.CompatibilityLevel;
import io.rtdp.schemaregistry.schema.SchemaReference;
import io.rtdp.schemaregistry.store.StoreException;
import io.rtdp.schemaregistry.store.StoredSchema;
import io.rtdp.schemaregistry.store.SubjectVersion;

/**
 * Confluent Schema Registry's REST API over {@link SchemaRegistryService}: paths, parameters and
 * JSON shapes as clients expect them, every error as {@code {"error_code", "message"}}.
 */
public final class RestApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryService service;

    public RestApi(SchemaRegistryService service) {
        this.service = service;
    }

    /** Whether the request changes the registry, and so must run on the leader. */
    public static boolean isWrite(String method, List<String> path) {
        return switch (method) {
            case "PUT", "DELETE" -> true;
            // POST /subjects/{s} is a lookup and POST /compatibility/... a check: both only read.
            case "POST" -> path.size() == 3 && path.get(0).equals("subjects") && path.get(2).equals("versions");
            default -> false;
        };
    }

    public RestResponse handle(String method, List<String> path, Map<String, String> query, String body) {
        try {
            return route(method, path, query, body);
        } catch (RegistryException e) {
            return error(e.httpStatus(), e.errorCode(), e.getMessage());
        } catch (StoreException e) {
            return error(500, e.timeout() ? 50002 : 50001, "Error in the schema store: " + e.getMessage());
        } catch (RuntimeException e) {
            return error(500, 500, "Internal error: " + e);
        }
    }

    public static RestResponse error(int status, int code, String message) {
        ObjectNode node = JSON.createObjectNode().put("error_code", code).put("message", message);
        return new RestResponse(status, node.toString());
    }

    public static RestResponse notFound() {
        return error(404, 404, "HTTP 404 Not Found");
    }

    private RestResponse route(String method, List<String> p, Map<String, String> q, String body) {
        int n = p.size();
        String head = n == 0 ? "" : p.get(0);
        boolean deleted = flag(q, "deleted");
        switch (head) {
            case "":
                if (n == 0 && method.equals("GET")) {
                    return ok("{}");
                }
                break;
            case "subjects":
                if (n == 1 && method.equals("GET")) {
                    return ok(json(service.subjects(deleted)));
                }
                if (n == 2 && method.equals("POST")) {
                    return ok(versionJson(service.lookup(p.get(1), schemaRequest(body), deleted)));
                }
                if (n == 2 && method.equals("DELETE")) {
                    return ok(json(service.deleteSubject(p.get(1), flag(q, "permanent"))));
                }
                if (n == 3 && p.get(2).equals("versions") && method.equals("GET")) {
                    return ok(json(service.versions(p.get(1), deleted)));
                }
                if (n == 3 && p.get(2).equals("versions") && method.equals("POST")) {
                    int id = service.register(p.get(1), schemaRequest(body));
                    return ok(JSON.createObjectNode().put("id", id).toString());
                }
                if (n == 4 && p.get(2).equals("versions") && method.equals("GET")) {
                    return ok(versionJson(service.version(p.get(1), p.get(3), deleted)));
                }
                if (n == 4 && p.get(2).equals("versions") && method.equals("DELETE")) {
                    return ok(String.valueOf(service.deleteVersion(p.get(1), p.get(3), flag(q, "permanent"))));
                }
                if (n == 5 && p.get(2).equals("versions") && p.get(4).equals("schema") && method.equals("GET")) {
                    return ok(service.version(p.get(1), p.get(3), deleted).schema().schema());
                }
                break;
            case "schemas":
                if (n == 2 && p.get(1).equals("types") && method.equals("GET")) {
                    return ok(json(List.of(SchemaRegistryService.AVRO)));
                }
                if (n >= 3 && n <= 4 && p.get(1).equals("ids") && method.equals("GET")) {
                    return schemaById(p, deleted, flag(q, "fetchMaxId"));
                }
                break;
            case "config":
                if (n == 1) {
                    return switch (method) {
                        case "GET" -> ok(levelJson("compatibilityLevel", service.globalLevel()));
                        case "PUT" -> ok(levelJson("compatibility", service.setLevel(null, compatibilityOf(body))));
                        case "DELETE" -> ok(levelJson("compatibilityLevel", service.deleteLevel(null)));
                        default -> methodNotAllowed();
                    };
                }
                if (n == 2) {
                    return switch (method) {
                        case "GET" -> ok(levelJson("compatibilityLevel", service.subjectLevel(p.get(1), flag(q, "defaultToGlobal"))));
                        case "PUT" -> ok(levelJson("compatibility", service.setLevel(p.get(1), compatibilityOf(body))));
                        case "DELETE" -> ok(levelJson("compatibilityLevel", service.deleteLevel(p.get(1))));
                        default -> methodNotAllowed();
                    };
                }
                break;
            case "compatibility":
                if (n >= 4 && n <= 5 && method.equals("POST") && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
                    List<String> problems = service.compatibility(p.get(2), n == 5 ? p.get(4) : null, schemaRequest(body));
                    ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
                    if (flag(q, "verbose")) {
                        ArrayNode messages = answer.putArray("messages");
                        problems.forEach(messages::add);
                    }
                    return ok(answer.toString());
                }
                break;
            case "mode":
                if (n <= 2 && method.equals("GET")) {
                    return ok("{\"mode\":\"READWRITE\"}");
                }
                if (n <= 2 && method.equals("PUT")) {
                    throw new RegistryException(422, 42204, "This registry is always READWRITE; changing the mode is not supported");
                }
                break;
            default:
                break;
        }
        return notFound();
    }

    private RestResponse schemaById(List<String> p, boolean deleted, boolean fetchMaxId) {
        int id;
        try {
            id = Integer.parseInt(p.get(2));
        } catch (NumberFormatException e) {
            return notFound();
        }
        StoredSchema schema = service.schemaById(id);
        if (p.size() == 3) {
            ObjectNode node = JSON.createObjectNode();
            putSchema(node, schema);
            if (fetchMaxId) {
                node.put("maxId", service.maxId());
            }
            return ok(node.toString());
        }
        switch (p.get(3)) {
            case "schema":
                return ok(schema.schema());
            case "subjects":
                return ok(json(service.subjectsOf(id, deleted)));
            case "versions": {
                ArrayNode uses = JSON.createArrayNode();
                for (SubjectVersion v : service.usesOf(id, deleted)) {
                    uses.addObject().put("subject", v.subject()).put("version", v.version());
                }
                return ok(uses.toString());
            }
            default:
                return notFound();
        }
    }

    private static String versionJson(VersionView v) {
        ObjectNode node = JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.schema().id());
        putSchema(node, v.schema());
        return node.toString();
    }

    private static void putSchema(ObjectNode node, StoredSchema schema) {
        if (!SchemaRegistryService.AVRO.equals(schema.schemaType())) {
            node.put("schemaType", schema.schemaType());
        }
        if (!schema.references().isEmpty()) {
            ArrayNode refs = node.putArray("references");
            schema.references().forEach(r -> refs.addObject().put("name", r.name()).put("subject", r.subject()).put("version", r.version()));
        }
        node.put("schema", schema.schema());
    }

    private static String levelJson(String field, CompatibilityLevel level) {
        return JSON.createObjectNode().put(field, level.name()).toString();
    }

    private static SchemaRequest schemaRequest(String body) {
        JsonNode node = body(body);
        JsonNode schema = node.get("schema");
        if (schema == null || schema.isNull()) {
            throw RegistryException.invalidSchema("Invalid schema: the request body has no \"schema\" field; send {\"schema\": \"<schema as a JSON string>\"}");
        }
        List<SchemaReference> refs = new ArrayList<>();
        for (JsonNode r : node.path("references")) {
            if (!r.hasNonNull("name") || !r.hasNonNull("subject") || !r.path("version").canConvertToInt()) {
                throw RegistryException.invalidSchema("Invalid schema: every reference needs name, subject and version; got " + r);
            }
            refs.add(new SchemaReference(r.get("name").asText(), r.get("subject").asText(), r.get("version").asInt()));
        }
        JsonNode type = node.get("schemaType");
        // A schema sent as a JSON object instead of a string is accepted too: its text is the same.
        String text = schema.isTextual() ? schema.asText() : schema.toString();
        return new SchemaRequest(text, type == null || type.isNull() ? null : type.asText(), refs);
    }

    private static String compatibilityOf(String body) {
        JsonNode node = body(body);
        JsonNode level = node.get("compatibility");
        if (level == null || level.isNull()) {
            level = node.get("compatibilityLevel");
        }
        if (level == null || level.isNull()) {
            throw RegistryException.invalidCompatibility("(missing)");
        }
        return level.asText();
    }

    private static JsonNode body(String body) {
        if (body == null || body.isBlank()) {
            throw RegistryException.badRequest("The request needs a JSON body");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isObject()) {
                throw RegistryException.badRequest("The request body must be a JSON object, got: " + node.getNodeType());
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static boolean flag(Map<String, String> q, String name) {
        return Boolean.parseBoolean(q.getOrDefault(name, "false"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RestResponse ok(String body) {
        return new RestResponse(200, body);
    }

    private static RestResponse methodNotAllowed() {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }
}
