package org.joinedup.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.joinedup.Fixtures;
import org.joinedup.security.OperationRoles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an outside developer relies on in /q/openapi (docs/api.md): names for every operation, the
 * bearer scheme on the secured ones, problem+json for every error, and no library types as schemas.
 */
@QuarkusTest
class ApiDocumentTest {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @BeforeAll
    static void anonymous() {
        Fixtures.actAnonymously();
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() throws IOException {
        var ids = new ArrayList<String>();
        var wrong = new ArrayList<String>();
        eachOperation(document(), (name, operation) -> {
            var id = operation.path("operationId").asText("");
            ids.add(id);
            if (!id.matches("[a-z][a-zA-Z0-9]*")) {
                wrong.add(name + ": '" + id + "'");
            }
        });
        assertEquals(List.of(), wrong, "operations without a camelCase operationId");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds repeat: " + ids);
        assertTrue(ids.size() > 40, "the document lists the operations: " + ids.size());
    }

    @Test
    void everyOperationHasASummaryAndADescriptionOfItsOwn() throws IOException {
        var wrong = new ArrayList<String>();
        eachOperation(document(), (name, operation) -> {
            // the sentence on who may call it is added for every secured operation; a description says more
            var own = operation.path("description").asText("").replaceAll(OperationRoles.ACCESS + "[^.]*\\.", "").strip();
            if (own.isEmpty() || operation.path("summary").asText("").isBlank()) {
                wrong.add(name);
            }
        });
        assertEquals(List.of(), wrong, "operations without a summary or a description of their own");
    }

    @Test
    void securedOperationsNameTheBearerSchemeTheDocumentDefines() throws IOException {
        var document = document();
        var scheme = document.path("components").path("securitySchemes").path("bearerAuth");
        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
        assertEquals("JWT", scheme.path("bearerFormat").asText());
        var wrong = new ArrayList<String>();
        eachOperation(document, (name, operation) -> {
            for (var requirement : operation.path("security")) {
                var schemes = new ArrayList<String>();
                requirement.fieldNames().forEachRemaining(schemes::add);
                if (!schemes.equals(List.of("bearerAuth")) || !requirement.path("bearerAuth").isEmpty()) {
                    wrong.add(name + ": " + requirement);
                }
            }
            boolean secured = !operation.path("security").isEmpty();
            if (secured != operation.path("description").asText("").contains(OperationRoles.ACCESS)) {
                wrong.add(name + ": the description does not say who may call it");
            }
        });
        assertEquals(List.of(), wrong, "security requirements other than bearerAuth without scopes");
    }

    @Test
    void noLibraryTypeIsASchema() throws IOException {
        var names = new TreeSet<String>();
        document().path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        var wrong = names.stream()
                // a Jackson tree type described by its getters; a class name; a name collision numbered by the scanner
                .filter(n -> n.startsWith("JsonNode") || n.equals("ObjectNode") || n.contains(".") || n.matches(".*[0-9]"))
                .toList();
        assertEquals(List.of(), wrong, "schemas that are library types or collided names");
    }

    @Test
    void everyErrorAnswerIsAProblem() throws IOException {
        var document = document();
        var wrong = new ArrayList<String>();
        eachOperation(document, (name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().matches("[45]\\d\\d")) {
                var resolved = resolve(document, response.getValue());
                var schema = resolved.path("content").path(Problem.MEDIA_TYPE).path("schema").path("$ref").asText();
                if (!PROBLEM.equals(schema) || resolved.path("content").size() != 1 || resolved.path("description").asText("").isBlank()) {
                    wrong.add(name + " " + response.getKey());
                }
            }
        }));
        assertEquals(List.of(), wrong, "error answers that are not described problem+json");
    }

    @Test
    void errorAnswersFollowFromWhatTheOperationIs() throws IOException {
        var wrong = new ArrayList<String>();
        eachOperation(document(), (name, operation) -> {
            var expected = new TreeSet<>(List.of("503"));
            if (!operation.path("security").isEmpty()) {
                expected.addAll(List.of("401", "403"));
            }
            var in = new HashSet<String>();
            operation.path("parameters").forEach(p -> in.add(p.path("in").asText()));
            if (in.contains("path")) {
                expected.add("404");
            }
            if (operation.has("requestBody")) {
                expected.addAll(List.of("400", "413"));
            }
            var declared = new TreeSet<String>();
            operation.path("responses").fieldNames().forEachRemaining(declared::add);
            if (!declared.containsAll(expected)) {
                wrong.add(name + " declares " + declared + ", lacks some of " + expected);
            }
        });
        assertEquals(List.of(), wrong);
    }

    /**
     * A generated client accepts what the document says an operation answers; for one without a body
     * on success that is problem+json only. Called anonymously, each must be refused with 401, not 406.
     */
    @Test
    void operationsWithoutABodyServeAClientThatAcceptsOnlyProblems() throws IOException {
        var wrong = new ArrayList<String>();
        eachOperation(document(), (name, operation) -> {
            var bodies = new ArrayList<String>();
            operation.path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2") && r.getValue().has("content")) {
                    bodies.add(r.getKey());
                }
            });
            if (bodies.isEmpty()) {
                var parts = name.split(" ", 2);
                int status = given().accept(Problem.MEDIA_TYPE).when().request(parts[0], parts[1].replaceAll("\\{[^}]+}", "1"))
                        .then().extract().statusCode();
                if (status != 401) {
                    wrong.add(name + ": " + status);
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theProblemSchemaHasTheFieldsTheServiceSends() throws IOException {
        var schemas = document().path("components").path("schemas");
        assertEquals(fields(Problem.class), properties(schemas.path("Problem")));
        assertEquals(fields(Violation.class), properties(schemas.path("Violation")));
    }

    private static Set<String> fields(Class<? extends Record> type) {
        return new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    private static Set<String> properties(JsonNode schema) {
        var names = new TreeSet<String>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A response, or the shared one its $ref names. */
    private static JsonNode resolve(JsonNode document, JsonNode response) {
        var ref = response.path("$ref").asText("");
        return ref.isEmpty() ? response : document.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static void eachOperation(JsonNode document, BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            if (path.getValue().has(method)) {
                check.accept(method.toUpperCase() + " " + path.getKey(), path.getValue().path(method));
            }
        }));
    }

    private static JsonNode document() throws IOException {
        var json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(json);
    }
}
