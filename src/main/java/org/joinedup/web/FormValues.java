package org.joinedup.web;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

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

    /** The date typed in a field (year-month-day), null when it is empty; when it is not a date, a problem naming the field. */
    public LocalDate date(String name, List<Violation> problems) {
        var typed = get(name).strip();
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            problems.add(Violation.body(name, "give a date as year-month-day, for example 2027-01-04"));
            return null;
        }
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

    /** Every value of a field of whole numbers (ids, rows); a value that is not one is a 400 naming the field. */
    public List<Long> numbers(String name) {
        return all(name).stream().map(value -> parse(name, value)).toList();
    }

    /** A whole-number field, or {@code otherwise} when it is empty; a value that is not one is a 400 naming the field. */
    public long number(String name, long otherwise) {
        var value = get(name).strip();
        return value.isEmpty() ? otherwise : parse(name, value);
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(Violation.body(name, "must be a whole number"));
        }
    }

    FormValues put(String name, Object value) {
        if (value != null) {
            values.add(name, value.toString());
        }
        return this;
    }
}
