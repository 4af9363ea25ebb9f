package org.joinedup.web;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** What a form holds (as sent, or filled from a saved thing), so a form shown again keeps what was typed. */
public final class FormValues {

    private final MultivaluedMap<String, String> values;

    FormValues(MultivaluedMap<String, String> values) {
        this.values = values == null ? new MultivaluedHashMap<>() : values;
    }

    static FormValues empty() {
        return new FormValues(null);
    }

    public String get(String name) {
        var value = values.getFirst(name);
        return value == null ? "" : value;
    }

    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    public boolean hasNumber(String name, long value) {
        return has(name, String.valueOf(value));
    }

    public List<String> all(String name) {
        var list = values.get(name);
        return list == null ? List.of() : list.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    FormValues put(String name, Object value) {
        if (value != null) {
            values.add(name, value.toString());
        }
        return this;
    }
}
