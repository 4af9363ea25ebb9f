package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joinedup.search.Facet;
import org.junit.jupiter.api.Test;

/**
 * The field names the Java side uses against the mapping file: a field renamed in
 * index-mappings/leaders.json or in the code fails here, instead of a query silently matching
 * nothing (Elasticsearch accepts a query on a field it does not know).
 */
class DocumentFieldsTest {

    /** Every path in the mapping (objects, nested, their fields and the {@code fields} subfields), to its type. */
    private static final Map<String, String> MAPPED = mapped();

    @Test
    void everyFieldNameIsInTheMapping() throws IllegalAccessException {
        var missing = new ArrayList<String>();
        for (var field : DocumentFields.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == String.class) {
                var path = (String) field.get(null);
                if (!MAPPED.containsKey(path)) {
                    missing.add(field.getName() + " = " + path);
                }
            }
        }
        assertEquals(List.of(), missing, "DocumentFields names fields that index-mappings/leaders.json does not declare");
    }

    @Test
    void recordsAreNested() {
        // every filter on a record holds within one record only because the records are nested documents
        assertEquals("nested", MAPPED.get(DocumentFields.RECORDS));
    }

    @Test
    void everyFacetCountsOnKeywordFields() {
        for (var facet : Facet.values()) {
            // terms filters and aggregations need exact values: a text field would count words
            for (var path : new String[] {facet.field, facet.leaderField, facet.improvedField, facet.improvedLeaderField}) {
                if (path != null) {
                    assertEquals("keyword", MAPPED.get(path), facet + ": " + path);
                }
            }
        }
    }

    @Test
    void everyCountedFacetIsAmongTheFacetValues() {
        // a facet is counted from the facet values when they count on the leader: one left out would count nothing
        for (var facet : Facet.values()) {
            if (facet.counted && facet.onLeader()) {
                assertTrue(LeaderDocument.FACETED.containsKey(facet.leaderField), facet + ": " + facet.leaderField);
            } else if (facet.counted) {
                assertTrue(LeaderDocument.Record.FACETED.containsKey(facet.field), facet + ": " + facet.field);
                assertTrue(!facet.judged() || LeaderDocument.Record.FACETED.containsKey(facet.improvedField), facet + ": " + facet.improvedField);
            }
        }
    }

    @Test
    void leaderDocumentWritesExactlyTheMappedFields() throws ReflectiveOperationException {
        var written = new TreeSet<String>();
        walk(LeaderDocument.class, "", written);
        written.addAll(anyGetterFields());
        var declared = new TreeSet<String>();
        MAPPED.forEach((path, type) -> {
            if (!type.startsWith("subfield:")) {
                declared.add(path);
            }
        });
        assertEquals(declared, written, "LeaderDocument's components (snake_case) against the mapping's properties");
    }

    /**
     * The fields {@link LeaderDocument#facetValuesByField} writes beside the components (a {@code @JsonAnyGetter}, so not
     * known from the type): those of a document with no record, which writes every one of them, empty.
     */
    private static Set<String> anyGetterFields() throws ReflectiveOperationException {
        var types = Arrays.stream(LeaderDocument.class.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        var noRecords = Arrays.stream(types).map(t -> t == List.class ? List.of() : t == long.class ? 0L : t == int.class ? 0
                : t == boolean.class ? (Object) false : null).toArray();
        return LeaderDocument.class.getDeclaredConstructor(types).newInstance(noRecords).facetValuesByField().keySet();
    }

    /**
     * The paths a record writes, as Jackson names them: records of LeaderDocument are objects, anything else a
     * leaf; and the values it derives ({@code @JsonProperty} methods), their records' paths too.
     */
    private static void walk(Class<?> type, String prefix, TreeSet<String> paths) {
        var naming = new PropertyNamingStrategies.SnakeCaseStrategy();
        for (var component : type.getRecordComponents()) {
            var path = prefix + naming.translate(component.getName());
            paths.add(path);
            var inner = element(component.getGenericType());
            if (inner.isRecord() && inner.getEnclosingClass() == LeaderDocument.class) {
                walk(inner, path + ".", paths);
            }
        }
        for (var method : type.getDeclaredMethods()) {
            var derived = method.getAnnotation(JsonProperty.class);
            if (derived != null) {
                paths.add(prefix + derived.value());
                if (method.getReturnType().isRecord() && method.getReturnType().getEnclosingClass() == LeaderDocument.class) {
                    walk(method.getReturnType(), prefix + derived.value() + ".", paths);
                }
            }
        }
    }

    /** The class itself, or a list's element class. */
    private static Class<?> element(Type type) {
        if (type instanceof ParameterizedType p) {
            return element(p.getActualTypeArguments()[0]);
        }
        return (Class<?>) type;
    }

    private static Map<String, String> mapped() {
        try (InputStream in = DocumentFieldsTest.class.getClassLoader().getResourceAsStream(LeaderIndex.MAPPING_RESOURCE)) {
            var paths = new TreeMap<String, String>();
            properties(new ObjectMapper().readTree(in).path("mappings").path("properties"), "", paths);
            return paths;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void properties(JsonNode properties, String prefix, Map<String, String> paths) {
        properties.fields().forEachRemaining(e -> {
            var path = prefix + e.getKey();
            var field = e.getValue();
            paths.put(path, field.path("type").asText("object"));
            field.path("fields").fields().forEachRemaining(sub -> paths.put(path + "." + sub.getKey(), "subfield:" + sub.getValue().path("type").asText()));
            if (field.has("properties")) {
                properties(field.get("properties"), path + ".", paths);
            }
        });
    }
}
