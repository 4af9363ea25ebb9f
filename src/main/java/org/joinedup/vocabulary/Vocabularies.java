package org.joinedup.vocabulary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Every vocabulary, read once from seed-data/vocabularies/ at start; a bad file stops the start. */
@ApplicationScoped
public class Vocabularies {

    private static final Logger LOG = Logger.getLogger(Vocabularies.class);
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<VocabularyKind, Vocabulary> all = new EnumMap<>(VocabularyKind.class);

    /** In @PostConstruct, not the constructor: the CDI client proxy runs the constructor too. */
    @PostConstruct
    void load() {
        for (var kind : VocabularyKind.values()) {
            var items = SeedData.csv("vocabularies/" + kind.fileName + ".csv").stream()
                    .map(row -> new VocabularyItem(row.get("code"), row.get("label"), SeedData.multi(row.get("synonyms")), row.get("description"),
                            direction(kind, row), blankToNull(row.get("default_unit"))))
                    .toList();
            items.stream().filter(item -> !CODE.matcher(item.code()).matches()).findAny().ifPresent(item -> {
                throw new IllegalStateException("code '" + item.code() + "' in " + kind.fileName + ".csv is not lowercase kebab-case");
            });
            all.put(kind, new Vocabulary(kind, items));
        }
        LOG.infof("Loaded %d vocabularies from seed-data", all.size());
    }

    /** A blank direction means the metric has none (its outcomes are never judged); a misspelt one stops the start. */
    private static Direction direction(VocabularyKind kind, Map<String, String> row) {
        var code = blankToNull(row.get("direction"));
        if (code == null) {
            return null;
        }
        return Direction.fromCode(code).orElseThrow(() -> new IllegalStateException("direction '" + code + "' of '" + row.get("code")
                + "' in " + kind.fileName + ".csv is not lower-is-better or higher-is-better"));
    }

    private static String blankToNull(String cell) {
        return cell == null || cell.isBlank() ? null : cell;
    }

    public Vocabulary get(VocabularyKind kind) {
        return all.get(kind);
    }

    public Map<VocabularyKind, Vocabulary> all() {
        return Map.copyOf(all);
    }
}
