package org.joinedup.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.joinedup.places.CouncilSimilarity.Neighbour;
import org.joinedup.places.CouncilSimilarity.Weights;
import org.joinedup.vocabulary.CouncilFigures;
import org.junit.jupiter.api.Test;

/**
 * The comparison on five made-up councils whose z-scores are easy by hand. On every figure the
 * councils sit at -1, -1, 0, +1, +1 steps (population and density a factor 10 a step, as their
 * logarithms are compared): mean 0, population standard deviation sqrt(4/5) steps, so the z-scores
 * are -1.118, -1.118, 0, 1.118, 1.118 (1 / sqrt(0.8) = 1.1180), and the median council is at 0.
 */
class CouncilSimilarityTest {

    private static final Weights EQUAL = new Weights(1, 1, 1, 1, 2025);
    private static final double Z = 1 / Math.sqrt(0.8);

    private static final List<CouncilFigures> COUNCILS = List.of(
            council("A", 1_000, 10, 10, 100),
            council("A2", 1_000, 10, 10, 100),
            council("B", 10_000, 20, 20, 1_000),
            council("C", 100_000, 30, 30, 10_000),
            council("C2", 100_000, 30, 30, 10_000));

    /** Deprivation 2019 is set apart from 2025 so that choosing the edition shows. */
    private static CouncilFigures council(String code, long population, double aged65, double deprivation2025, double density) {
        return new CouncilFigures(code, population, aged65, 50 - deprivation2025, deprivation2025, 1, density, null);
    }

    @Test
    void distanceIsTheWeightedEuclideanOverZScores() {
        var similarity = new CouncilSimilarity(COUNCILS, EQUAL);
        // A to B: one step of z 1.118 on each of 4 figures: sqrt(4 x 1.25) = sqrt(5) = 2.2361
        assertEquals(Math.sqrt(5), similarity.distance("A", "B"), 1e-9);
        assertEquals(2.2360680, similarity.distance("A", "B"), 1e-6);
        // A to C: two steps (2.236) on each: sqrt(4 x 5) = sqrt(20) = 4.4721
        assertEquals(4.4721360, similarity.distance("A", "C"), 1e-6);
        assertEquals(0, similarity.distance("A", "A2"), 1e-12);
        assertEquals(similarity.distance("B", "A"), similarity.distance("A", "B"), 1e-12);
    }

    @Test
    void weightsScaleEachFiguresSquaredDifference() {
        // population alone, weight 2: sqrt(2 x 1.25) = sqrt(2.5) = 1.5811
        var population = new CouncilSimilarity(COUNCILS, new Weights(2, 0, 0, 0, 2025));
        assertEquals(1.5811388, population.distance("A", "B"), 1e-6);
        // 65+ weight 1 and density weight 4: sqrt(1.25 + 4 x 1.25) = sqrt(6.25) = 2.5
        var mixed = new CouncilSimilarity(COUNCILS, new Weights(0, 1, 0, 4, 2025));
        assertEquals(2.5, mixed.distance("A", "B"), 1e-9);
    }

    @Test
    void populationAndDensityCountByTheirLogarithm() {
        // a step of a factor 10 is one step whatever the level: A to B equals B to C
        var similarity = new CouncilSimilarity(COUNCILS, new Weights(1, 0, 0, 1, 2025));
        assertEquals(similarity.distance("A", "B"), similarity.distance("B", "C"), 1e-9);
        assertEquals(Math.sqrt(2 * Z * Z), similarity.distance("A", "B"), 1e-9);
    }

    @Test
    void theEditionOfDeprivationIsTheOneChosen() {
        var with2019 = new CouncilSimilarity(COUNCILS, new Weights(0, 0, 1, 0, 2019));
        // 2019 scores are 40, 40, 30, 20, 20: the same steps reversed, so the same distances
        assertEquals(Z, with2019.distance("A", "B"), 1e-9);
        assertEquals(List.of("more deprived"), with2019.sharedTraits("A", "A2"));
        assertEquals(List.of("less deprived"), new CouncilSimilarity(COUNCILS, new Weights(0, 0, 1, 0, 2025)).sharedTraits("A", "A2"));
    }

    @Test
    void nearestComeFirstWithoutTheCouncilItself() {
        var similarity = new CouncilSimilarity(COUNCILS, EQUAL);
        var nearest = similarity.nearest("A", 2);
        assertEquals(List.of("A2", "B"), nearest.stream().map(Neighbour::code).toList());
        assertEquals(0, nearest.get(0).distance(), 1e-12);
        assertEquals(Math.sqrt(5), nearest.get(1).distance(), 1e-9);
        var all = similarity.nearest("B", 10);
        assertEquals(4, all.size());
        // A and A2 tie with C and C2 at sqrt(5): ties go by code
        assertEquals(List.of("A", "A2", "C", "C2"), all.stream().map(Neighbour::code).toList());
        assertThrows(IllegalArgumentException.class, () -> similarity.nearest("Z", 3));
    }

    @Test
    void sharedTraitsAreTheSidesOfTheMedianBothAreOn() {
        var similarity = new CouncilSimilarity(COUNCILS, EQUAL);
        // A and A2 are 1.118 below the median on everything (the logs differ in the last bits): three of the four words
        var below = similarity.sharedTraits("A", "A2");
        assertEquals(3, below.size());
        assertTrue(List.of("smaller", "younger", "less deprived", "more rural").containsAll(below), below.toString());
        var above = similarity.sharedTraits("C", "C2");
        assertEquals(3, above.size());
        assertTrue(List.of("larger", "older", "more deprived", "denser").containsAll(above), above.toString());
        // B is the median council: nothing marked; A and C are on opposite sides
        assertEquals(List.of(), similarity.sharedTraits("A", "B"));
        assertEquals(List.of(), similarity.sharedTraits("A", "C"));
        // a figure weighted 0 is not described either
        assertEquals(List.of("more rural"), new CouncilSimilarity(COUNCILS, new Weights(0, 0, 0, 1, 2025)).sharedTraits("A", "A2"));
    }

    @Test
    void badWeightsAreRefusedNamingTheSetting() {
        assertTrue(new Weights(-1, 1, 1, 1, 2025).problems().get(0).startsWith("population must be"));
        assertTrue(new Weights(1, Double.NaN, 1, 1, 2025).problems().get(0).startsWith("aged-65-plus must be"));
        assertEquals(List.of("at least one weight must be more than 0"), new Weights(0, 0, 0, 0, 2025).problems());
        assertTrue(new Weights(1, 1, 1, 1, 2020).problems().get(0).startsWith("deprivation-edition must be one of [2019, 2025]"));
        assertThrows(IllegalArgumentException.class, () -> new CouncilSimilarity(COUNCILS, new Weights(1, 1, Double.POSITIVE_INFINITY, 1, 2025)));
        assertEquals(List.of(), EQUAL.problems());
    }
}
