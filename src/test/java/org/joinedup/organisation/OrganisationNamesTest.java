package org.joinedup.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names mean the same organisation, and which do not. */
class OrganisationNamesTest {

    private static void same(List<String> names) {
        var key = OrganisationNames.key(names.get(0));
        names.forEach(name -> assertEquals(key, OrganisationNames.key(name), name + " and " + names.get(0)));
    }

    @Test
    void caseAccentsAndPunctuationDoNotMatter() {
        same(List.of("Sherwood Forest Hospitals", "SHERWOOD FOREST HOSPITALS", "sherwood-forest  hospitals.", "  Sherwood, Forest (Hospitals) "));
        same(List.of("St Helens", "St. Helens", "st helens!"));
        same(List.of("Tees, Esk & Wear Valleys", "Tees Esk and Wear Valleys"));
        same(List.of("Hôpital Saint-Éloi", "hopital saint eloi"));
    }

    @Test
    void nhsCouncilTrustAndIcbVariantsShareAKey() {
        same(List.of("Sherwood Forest Hospitals NHS Foundation Trust", "NHS Sherwood Forest Hospitals Foundation Trust",
                "Sherwood Forest Hospitals NHS Trust", "sherwood forest hospitals trust", "The Sherwood Forest Hospitals"));
        same(List.of("Nottinghamshire County Council", "Nottinghamshire County"));
        same(List.of("NHS Nottingham and Nottinghamshire Integrated Care Board", "Nottingham & Nottinghamshire ICB",
                "NHS Nottingham and Nottinghamshire"));
    }

    @Test
    void differentBodiesKeepDifferentKeys() {
        assertNotEquals(OrganisationNames.key("Nottingham City Council"), OrganisationNames.key("Nottinghamshire County Council"));
        assertNotEquals(OrganisationNames.key("Nottingham University Hospitals NHS Trust"), OrganisationNames.key("Nottinghamshire Healthcare NHS Foundation Trust"));
        assertNotEquals(OrganisationNames.key("Barnsley Hospital NHS Foundation Trust"), OrganisationNames.key("Barnsley Metropolitan Borough Council"));
    }

    @Test
    void aNameOfNothingButNoiseHasNoKey() {
        assertEquals("", OrganisationNames.key("NHS Foundation Trust"));
        assertEquals("", OrganisationNames.key("The Council"));
        assertEquals("", OrganisationNames.key(null));
    }

    @Test
    void aNamesOwnWordsPointToAKindWhereTheKeyCannot() {
        assertEquals(OrganisationNames.key("NHS Dorset"), OrganisationNames.key("Dorset Council"));
        assertEquals(List.of("icb", "nhs-trust"), OrganisationNames.kindsNamed("NHS Dorset"));
        assertEquals(List.of("council"), OrganisationNames.kindsNamed("Dorset Council"));
        assertEquals(List.of(), OrganisationNames.kindsNamed("Dorset"));
    }
}
