package org.joinedup.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.joinedup.platform.Violation;

/** A loaded vocabulary, in the order of its file (scopes rely on that order: narrowest first). */
public final class Vocabulary {

    private final VocabularyKind kind;
    private final Map<String, VocabularyItem> byCode = new LinkedHashMap<>();

    Vocabulary(VocabularyKind kind, List<VocabularyItem> items) {
        this.kind = kind;
        for (var item : items) {
            if (byCode.put(item.code(), item) != null) {
                throw new IllegalStateException("duplicate code '" + item.code() + "' in " + kind.fileName + ".csv");
            }
        }
    }

    public VocabularyKind kind() {
        return kind;
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Optional<VocabularyItem> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    public List<VocabularyItem> items() {
        return List.copyOf(byCode.values());
    }

    /**
     * The code a person means by what they typed: a code, or (ignoring case and surrounding spaces)
     * a code, label or synonym of this vocabulary; empty when it names none.
     */
    public Optional<String> lookup(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        if (byCode.containsKey(typed)) {
            return Optional.of(typed);
        }
        var wanted = typed.strip().toLowerCase(Locale.ROOT);
        return byCode.values().stream()
                .filter(item -> item.code().equalsIgnoreCase(wanted) || item.label().equalsIgnoreCase(wanted)
                        || item.synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(wanted)))
                .map(VocabularyItem::code).findFirst();
    }

    /** Position of a code in the file; for ordered vocabularies such as scopes. */
    public int rank(String code) {
        return codes().indexOf(code);
    }

    /** Adds a violation naming {@code field} and listing the allowed codes unless {@code code} is in this vocabulary. */
    public void check(String field, String code, List<Violation> violations) {
        if (!contains(code)) {
            violations.add(Violation.body(field, "'" + code + "' is not in the " + kind.fileName + " vocabulary",
                    codes()));
        }
    }

    /** Checks each code of a list, naming the position: {@code services[1]}. A null list is fine. */
    public void checkAll(String field, List<String> codes, List<Violation> violations) {
        if (codes != null) {
            for (int i = 0; i < codes.size(); i++) {
                check(field + "[" + i + "]", codes.get(i), violations);
            }
        }
    }
}
