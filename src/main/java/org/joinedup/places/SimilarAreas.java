package org.joinedup.places;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.vocabulary.CouncilFigures;

/** A council's figures and its nearest neighbours' beside them, with how they were compared. */
@Schema(description = "A council, its nearest neighbours by population, share aged 65+, deprivation and density, and the figures side by side")
public record SimilarAreas(
        @Schema(description = "The council asked about, with its own figures") Council area,
        @Schema(description = "How the councils were compared (docs/places.md)") SimilarityMethod method,
        @Schema(description = "The nearest councils, nearest first") List<SimilarCouncil> neighbours) {

    /** A council and its figures as compared. */
    public record Council(String code, String name, String icbCode, String regionCode, ComparedFigures figures) {
    }

    /** One neighbour: its distance and its figures, and what it shares with the council asked about. */
    public record SimilarCouncil(String code, String name, String icbCode, String regionCode,
            @Schema(description = "Weighted Euclidean distance over the standardised figures (in standard deviations when every weight is 1); smaller is more alike") double distance,
            ComparedFigures figures,
            @Schema(description = "What both councils share against the median council, in words, e.g. older, less deprived; may be empty") List<String> sharedTraits) {
    }

    public record ComparedFigures(
            @Schema(description = "ONS mid-2022 population estimate") long population,
            @Schema(description = "Share aged 65 and over, per cent") double percentAged65Plus,
            @Schema(description = "MHCLG Indices of Deprivation average score of the edition in method; higher is more deprived") double deprivationScore,
            @Schema(description = "People per square km of land") double densityPerSqKm,
            @Schema(description = "Land area, square km") double areaSqKm) {

        static ComparedFigures of(CouncilFigures c, int edition) {
            return new ComparedFigures(c.population(), c.percentAged65Plus(), CouncilSimilarity.deprivation(c, edition), c.densityPerSqKm(), c.areaSqKm());
        }
    }

    public record SimilarityMethod(
            @Schema(description = "Edition of the Indices of Deprivation used: 2019 or 2025") int deprivationEdition,
            @Schema(description = "Weight of log population") double populationWeight,
            @Schema(description = "Weight of the share aged 65 and over") double aged65PlusWeight,
            @Schema(description = "Weight of the deprivation score") double deprivationWeight,
            @Schema(description = "Weight of log density") double densityWeight,
            @Schema(description = "How the councils are compared, in words") String description) {

        static SimilarityMethod of(CouncilSimilarity.Weights w) {
            return new SimilarityMethod(w.deprivationEdition(), w.population(), w.aged65Plus(), w.deprivation(), w.density(),
                    "Population and density as logarithms; each of the four figures as a z-score over the 153 councils; "
                            + "distance = square root of the sum of weight x (difference in z) squared. Four figures only: "
                            + "not the CIPFA nearest-neighbour model.");
        }
    }
}
