package org.joinedup.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.joinedup.platform.Violation;

/**
 * The violations a service reported, placed beside the form fields they concern and listed in
 * the error summary (each linking to its field). {@code fieldOf} turns a violation's field name
 * ("services[1]", "areas[0].code") into the form field it belongs to ("services", "area-0").
 */
public final class FormErrors {

    /** One line of the error summary: the message and the id of the field to jump to. */
    public record Item(String field, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    static final FormErrors NONE = new FormErrors(List.of(), f -> f);

    FormErrors(List<Violation> violations, Function<String, String> fieldOf) {
        for (var v : violations) {
            var field = fieldOf.apply(v.field());
            var message = sentence(v.field(), v.message());
            byField.merge(field, message, (a, b) -> a.equals(b) ? a : a + ". " + b);
        }
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.getOrDefault(field, "");
    }

    public List<Item> items() {
        var items = new ArrayList<Item>();
        byField.forEach((field, message) -> items.add(new Item(field, message)));
        return items;
    }

    /** "services: must list at least two" reads as "Services must list at least two". */
    private static String sentence(String field, String message) {
        var name = field.replaceAll("\\[\\d+]", "").replaceAll(".*\\.", "");
        var words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        if (message.startsWith("'") || message.startsWith("give ") || message.startsWith("there is") || message.startsWith("results ")
                || message.startsWith("only ") || message.startsWith("this ")) {
            return capitalise(message);
        }
        return capitalise(words) + " " + message;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
