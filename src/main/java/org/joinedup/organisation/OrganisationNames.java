package org.joinedup.organisation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When two organisation names mean the same body. Case, accents, punctuation and "&amp;" are
 * ignored, and so are the words that come and go in how people write a body's name: "NHS",
 * "Council", "Foundation", "Trust", "The", "Integrated Care Board" / "ICB". So "NHS Sherwood
 * Forest Hospitals Foundation Trust", "Sherwood Forest Hospitals NHS Trust" and "sherwood forest
 * hospitals" share one key.
 */
public final class OrganisationNames {

    private static final Set<String> NOISE = Set.of("nhs", "council", "foundation", "trust", "the", "icb");

    private OrganisationNames() {
    }

    /** The kinds of organisation a name's own words point to ("Council", "NHS", "Trust", "ICB"), if any. */
    public static List<String> kindsNamed(String name) {
        String words = " " + (name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ")) + " ";
        if (words.contains(" council ")) {
            return List.of(OrganisationKind.COUNCIL);
        }
        if (words.contains(" nhs ") || words.contains(" icb ") || words.contains(" integrated care board ") || words.contains(" trust ")) {
            return List.of(OrganisationKind.ICB, OrganisationKind.NHS_TRUST);
        }
        return List.of();
    }

    /** The key two names share when they name the same organisation; empty when nothing but noise is left. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ")
                .replace("integrated care board", " ");
        return Arrays.stream(plain.trim().split(" ")).filter(w -> !w.isEmpty() && !NOISE.contains(w)).collect(Collectors.joining(" "));
    }
}
