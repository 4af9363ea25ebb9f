package org.joinedup.vocabulary;

/**
 * One council's reference figures: ONS mid-2022 population (as first published), the share aged 65
 * and over, the MHCLG Indices of Deprivation average scores (2019 and 2025; higher is more deprived,
 * and the two are not comparable with each other), land area and density. {@code sourceNote} says
 * where a figure was mapped from an old code or derived rather than published.
 */
public record CouncilFigures(String code, long population, double percentAged65Plus, double deprivation2019,
        double deprivation2025, double areaSqKm, double densityPerSqKm, String sourceNote) {
}
