package org.joinedup.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/** Terse construction of Elasticsearch request bodies, so queries read like the JSON they become. */
final class Json {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Json() {
    }

    /** An object from key, value pairs; values may be nodes, strings, numbers, booleans or collections. */
    static ObjectNode obj(Object... pairs) {
        var node = F.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], value(pairs[i + 1]));
        }
        return node;
    }

    static ArrayNode arr(Collection<?> items) {
        var array = F.arrayNode();
        items.forEach(item -> array.add(value(item)));
        return array;
    }

    static ArrayNode arr(Object... items) {
        return arr(List.of(items));
    }

    static JsonNode value(Object value) {
        if (value == null) {
            return F.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return F.textNode(s);
        }
        if (value instanceof Integer n) {
            return F.numberNode(n);
        }
        if (value instanceof Long n) {
            return F.numberNode(n);
        }
        if (value instanceof Double n) {
            return F.numberNode(n);
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof Collection<?> c) {
            return arr(c);
        }
        throw new IllegalArgumentException("cannot put a " + value.getClass().getSimpleName() + " in a query");
    }
}
