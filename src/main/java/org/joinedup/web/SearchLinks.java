package org.joinedup.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchResult;

/** The current search as query parameters, and links to it with one thing changed (a page, an ICB, the export). */
public final class SearchLinks {

    private final Map<String, List<String>> params = new LinkedHashMap<>();

    SearchLinks(SearchParams p) {
        // every parameter as given, but sort, size and page only when they are not the defaults
        p.given().forEach((name, values) -> {
            if (!List.of("sort", "size", "page").contains(name)) {
                params.put(name, new ArrayList<>(values));
            }
        });
        if (p.sort != null && !"relevance".equals(p.sort)) {
            put("sort", p.sort);
        }
        if (p.size != null && !"20".equals(p.size)) {
            put("size", p.size);
        }
        if (p.page != null && !"0".equals(p.page)) {
            put("page", p.page);
        }
    }

    /** The gap view's distance (a parameter of the page, not of the search), kept by the map's links. */
    SearchLinks withGapWithin(String km) {
        if (km != null && !km.isBlank()) {
            put("gapWithin", km.strip());
        }
        return this;
    }

    /** The same search with page n (from 0). */
    public String page(int n) {
        return link("/find", with("page", n == 0 ? List.of() : List.of(String.valueOf(n))));
    }

    /** The same search narrowed to one ICB (what an ICB on the map does), from the first page. */
    public String icb(String code) {
        var changed = with("icb", List.of(code));
        changed.remove("page");
        return link("/find", changed);
    }

    /** The same search without any ICB. */
    public String withoutIcb() {
        var changed = with("icb", List.of());
        changed.remove("page");
        return link("/find", changed);
    }

    /** The same search narrowed to one council a record covered (what a council on the map does), from the first page. */
    public String area(String code) {
        var changed = with("area", List.of(code));
        changed.remove("page");
        return link("/find", changed);
    }

    /** The same search without any council. */
    public String withoutArea() {
        var changed = with("area", List.of());
        changed.remove("page");
        return link("/find", changed);
    }

    /** The same search anywhere in England: no region, ICB or council (the way back from a council map). */
    public String england() {
        var changed = new LinkedHashMap<>(params);
        changed.remove("region");
        changed.remove("icb");
        changed.remove("area");
        changed.remove("page");
        return link("/find", changed);
    }

    /** The same search anywhere, nearest to an area first (what a gap on the map offers). */
    public String nearest(String code) {
        var changed = new LinkedHashMap<>(params);
        List.of("region", "icb", "area", "page", "within").forEach(changed::remove);
        changed.put("nearArea", List.of(code));
        changed.put("sort", List.of("distance"));
        return link("/find", changed);
    }

    /** The search a suggestion names (its own full parameters), on the find page. */
    public String to(SearchResult.Suggestion suggestion) {
        return link("/find", suggestion.parameters());
    }

    public String csv() {
        var changed = new LinkedHashMap<>(params);
        changed.remove("page");
        changed.remove("size");
        changed.remove("gapWithin");
        return link("/find/export.csv", changed);
    }

    /** One parameter of the search as a form field carries it on. */
    public record Param(String name, String value) {
    }

    /** Every parameter and value of the search but paging: what "Save this search" keeps. */
    public List<Param> saved() {
        var saved = new ArrayList<Param>();
        params.forEach((name, values) -> {
            if (!"page".equals(name) && !"size".equals(name) && !"gapWithin".equals(name)) {
                values.forEach(v -> saved.add(new Param(name, v)));
            }
        });
        return saved;
    }

    public boolean has(String param, String value) {
        return params.getOrDefault(param, List.of()).contains(value);
    }

    public String value(String param) {
        var values = params.getOrDefault(param, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private Map<String, List<String>> with(String param, List<String> values) {
        var changed = new LinkedHashMap<>(params);
        if (values.isEmpty()) {
            changed.remove(param);
        } else {
            changed.put(param, values);
        }
        return changed;
    }

    private static String link(String path, Map<String, List<String>> params) {
        var query = params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + Pages.encode(v)))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    private void put(String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, List.of(value));
        }
    }
}
