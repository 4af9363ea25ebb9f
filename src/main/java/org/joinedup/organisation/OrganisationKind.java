package org.joinedup.organisation;

/** Where an organisation's code comes from: an official list, or programme staff (unlisted). */
public final class OrganisationKind {

    public static final String ICB = "icb";
    public static final String COUNCIL = "council";
    public static final String NHS_TRUST = "nhs-trust";
    public static final String UNLISTED = "unlisted";

    private OrganisationKind() {
    }
}
