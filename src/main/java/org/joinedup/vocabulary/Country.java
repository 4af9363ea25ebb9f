package org.joinedup.vocabulary;

/** A country or UK nation outside England where integration work also happens (ISO 3166 code). */
public record Country(String code, String name) {
}
