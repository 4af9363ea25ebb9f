package org.joinedup.vocabulary;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Which of SCIROCCO's dimensions each approach builds, read once from
 * seed-data/vocabularies/approach-dimensions.csv (the reasoning per row is in that folder's README).
 * An approach or dimension code the vocabularies do not know, or a row given twice, stops the start.
 */
@Startup
@ApplicationScoped
public class ApproachDimensions {

    private static final Logger LOG = Logger.getLogger(ApproachDimensions.class);
    static final String FILE = "vocabularies/approach-dimensions.csv";

    @Inject
    Vocabularies vocabularies;

    private final Map<String, List<String>> byApproach = new LinkedHashMap<>();
    private final Map<String, List<String>> byDimension = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        var pairs = read(SeedData.csv(FILE), vocabularies.get(VocabularyKind.APPROACHES), vocabularies.get(VocabularyKind.DIMENSIONS));
        var approaches = vocabularies.get(VocabularyKind.APPROACHES).codes();
        var dimensions = vocabularies.get(VocabularyKind.DIMENSIONS).codes();
        // both lists in vocabulary order, whatever the file's order
        for (var approach : approaches) {
            var built = dimensions.stream().filter(d -> pairs.contains(approach + " " + d)).toList();
            if (!built.isEmpty()) {
                byApproach.put(approach, built);
            }
        }
        for (var dimension : dimensions) {
            byDimension.put(dimension, approaches.stream().filter(a -> pairs.contains(a + " " + dimension)).toList());
        }
        LOG.infof("Loaded %d approach-to-dimension pairs", pairs.size());
    }

    /** The pairs as "approach dimension", each checked against the two vocabularies. */
    static Set<String> read(List<Map<String, String>> rows, Vocabulary approaches, Vocabulary dimensions) {
        var pairs = new LinkedHashSet<String>();
        var problems = new ArrayList<String>();
        int line = 1;
        for (var row : rows) {
            line++;
            var approach = row.get("approach");
            var dimension = row.get("dimension");
            if (approach == null || !approaches.contains(approach)) {
                problems.add("row " + line + ": approach '" + approach + "' is not in approaches.csv");
            } else if (dimension == null || !dimensions.contains(dimension)) {
                problems.add("row " + line + ": dimension '" + dimension + "' is not in dimensions.csv");
            } else if (!pairs.add(approach + " " + dimension)) {
                problems.add("row " + line + ": " + approach + " -> " + dimension + " is given twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(FILE + ": " + String.join("; ", problems));
        }
        return pairs;
    }

    /** The dimensions an approach builds, in the dimensions' order; empty for an approach that builds none. */
    public List<String> builtBy(String approach) {
        return byApproach.getOrDefault(approach, List.of());
    }

    /** The approaches that build a dimension, in the approaches' order; empty when none does. */
    public List<String> approachesBuilding(String dimension) {
        return byDimension.getOrDefault(dimension, List.of());
    }
}
