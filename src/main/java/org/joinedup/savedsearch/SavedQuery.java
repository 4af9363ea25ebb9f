package org.joinedup.savedsearch;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.joinedup.platform.Violation;
import org.joinedup.search.SearchParams;

/**
 * A saved search's parameters, under the names and with the values GET /api/search/leaders takes.
 * The names come from {@link SearchParams} itself (its {@code @QueryParam} fields), so a parameter
 * the search gains can be saved without a change here; paging is not part of a saved search.
 */
final class SavedQuery {

    private static final List<String> NOT_SAVED = List.of("page", "size");
    /** Parameter name to its field in SearchParams, in declaration order. */
    private static final Map<String, Field> FIELDS = fields();

    private final Map<String, List<String>> values;

    private SavedQuery(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The parameters a saved search may hold. */
    static List<String> names() {
        return List.copyOf(FIELDS.keySet());
    }

    /**
     * Checks the shape of what a client sent ({@code query} in the body): known names, text or a list
     * of texts, one value for a parameter that takes one. Blank values are left out. Each problem
     * names {@code query.<parameter>} and is added to {@code violations}; the parameters that pass
     * are returned, so the search parser can check their values in the same answer.
     */
    static SavedQuery of(Map<String, Object> given, List<Violation> violations) {
        var values = new TreeMap<String, List<String>>();
        given.forEach((name, value) -> {
            var field = FIELDS.get(name);
            var path = "query." + name;
            if (field == null) {
                violations.add(Violation.body(path, NOT_SAVED.contains(name) ? "a saved search is not paged; leave it out"
                        : "is not a search parameter", names()));
                return;
            }
            var texts = new ArrayList<String>();
            if (value instanceof String text) {
                texts.add(text);
            } else if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
                list.forEach(v -> texts.add((String) v));
            } else if (value != null) {
                violations.add(Violation.body(path, "must be text or a list of texts, as the search takes it"));
                return;
            }
            texts.removeIf(String::isBlank);
            if (texts.size() > 1 && !repeatable(field)) {
                violations.add(Violation.body(path, "takes one value"));
            } else if (!texts.isEmpty()) {
                values.put(name, List.copyOf(texts));
            }
        });
        return new SavedQuery(values);
    }

    /** As stored: every parameter with its values. */
    static SavedQuery stored(Map<String, List<String>> values) {
        return new SavedQuery(new TreeMap<>(values));
    }

    Map<String, List<String>> values() {
        return values;
    }

    /** As clients see it: a parameter that takes one value as text, a repeatable one as a list. */
    Map<String, Object> shown() {
        var shown = new LinkedHashMap<String, Object>();
        values.forEach((name, texts) -> shown.put(name, repeatable(FIELDS.get(name)) ? texts : texts.get(0)));
        return shown;
    }

    /** The search's own parameter object, with its defaults where nothing was saved (the first page). */
    SearchParams params() {
        var params = new SearchParams();
        try {
            for (var entry : FIELDS.entrySet()) {
                var field = entry.getValue();
                var texts = values.get(entry.getKey());
                if (texts != null) {
                    field.set(params, repeatable(field) ? texts : texts.get(0));
                } else if (field.isAnnotationPresent(DefaultValue.class)) {
                    field.set(params, field.getAnnotation(DefaultValue.class).value());
                }
            }
            for (var name : NOT_SAVED) {
                var field = SearchParams.class.getField(name);
                field.set(params, field.getAnnotation(DefaultValue.class).value());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SearchParams changed shape", e);
        }
        return params;
    }

    /** The search on the Find leaders page, as a path with its query string. */
    String findPath() {
        var query = values.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "/find" : "/find?" + query;
    }

    /** A short description for lists: "discharge; region E40000011; service acute, social-care". */
    String summary() {
        if (values.isEmpty()) {
            return "every leader";
        }
        return values.entrySet().stream()
                .map(e -> "q".equals(e.getKey()) ? "“" + e.getValue().get(0) + "”" : e.getKey() + " " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SavedQuery q && q.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    private static boolean repeatable(Field field) {
        return List.class.isAssignableFrom(field.getType());
    }

    private static Map<String, Field> fields() {
        var fields = new LinkedHashMap<String, Field>();
        for (var field : SearchParams.class.getFields()) {
            var param = field.getAnnotation(QueryParam.class);
            if (param != null && !NOT_SAVED.contains(param.value())) {
                fields.put(param.value(), field);
            }
        }
        return fields;
    }
}
