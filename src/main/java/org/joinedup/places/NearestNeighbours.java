package org.joinedup.places;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.vocabulary.AreaStatistics;
import org.joinedup.vocabulary.CouncilFigures;
import org.joinedup.vocabulary.Geography;

/**
 * Each council's statistical nearest neighbours over the councils of seed-data/geography, built once
 * at start from {@link AreaStatistics} with the configured weights; bad weights stop the start.
 */
@Startup
@ApplicationScoped
public class NearestNeighbours {

    private static final Logger LOG = Logger.getLogger(NearestNeighbours.class);

    @Inject
    AreaStatistics statistics;

    @Inject
    Geography geography;

    @Inject
    SimilarityConfig config;

    private CouncilSimilarity similarity;

    @PostConstruct
    void build() {
        var weights = new CouncilSimilarity.Weights(config.population(), config.aged65Plus(), config.deprivation(), config.density(),
                config.deprivationEdition());
        var problems = weights.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("joinedup.places.similarity: " + String.join("; ", problems));
        }
        similarity = new CouncilSimilarity(statistics.all(), weights);
        LOG.infof("Council similarity: weights population %s, 65+ %s, deprivation (IoD %d) %s, density %s",
                weights.population(), weights.aged65Plus(), weights.deprivationEdition(), weights.deprivation(), weights.density());
    }

    public CouncilSimilarity.Weights weights() {
        return similarity.weights();
    }

    /** Whether the code is a council with figures (only councils have neighbours). */
    public boolean isCouncil(String code) {
        return code != null && similarity.knows(code);
    }

    public Optional<CouncilFigures> figures(String code) {
        return similarity.figures(code);
    }

    /** The council's {@code size} nearest neighbours, nearest first, itself left out. */
    public List<CouncilSimilarity.Neighbour> of(String councilCode, int size) {
        return similarity.nearest(councilCode, size);
    }

    public double distance(String a, String b) {
        return similarity.distance(a, b);
    }

    /** What both share against the median council, in words ("older", "less deprived"). */
    public List<String> sharedTraits(String a, String b) {
        return similarity.sharedTraits(a, b);
    }

    /**
     * The relation in words, for a search hit's reasons: "a place like Nottinghamshire (both older
     * and less deprived than the median council)", or without the brackets when they share no marked trait.
     */
    public String likeness(String neighbourCode, String chosenCode) {
        var chosen = geography.find(chosenCode).map(a -> a.name()).orElse(chosenCode);
        var traits = similarity.sharedTraits(neighbourCode, chosenCode);
        if (traits.isEmpty()) {
            return "a place like " + chosen;
        }
        return "a place like " + chosen + " (both " + joined(traits) + " than the median council)";
    }

    private static String joined(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
