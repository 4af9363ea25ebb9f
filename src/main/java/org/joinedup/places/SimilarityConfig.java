package org.joinedup.places;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How councils are compared (joinedup.places.similarity.*; docs/places.md): a weight per figure,
 * 0 or more (0 leaves the figure out), and the edition of the Indices of Deprivation. Checked at start.
 */
@ConfigMapping(prefix = "joinedup.places.similarity")
public interface SimilarityConfig {

    /** Weight of population (as its logarithm). */
    @WithDefault("1")
    double population();

    /** Weight of the share aged 65 and over. */
    @WithName("aged-65-plus")
    @WithDefault("1")
    double aged65Plus();

    /** Weight of the deprivation average score. */
    @WithDefault("1")
    double deprivation();

    /** Weight of density (as its logarithm). */
    @WithDefault("1")
    double density();

    /** 2025 (default: the current edition, 19 county values derived) or 2019. */
    @WithDefault("2025")
    int deprivationEdition();
}
