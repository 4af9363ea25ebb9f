package org.joinedup.vocabulary;

/** Which version of the ICB and region boundaries the lookup resolves areas to. */
public record BoundarySet(String name, String effectiveFrom, String description) {
}
