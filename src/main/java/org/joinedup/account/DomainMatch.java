package org.joinedup.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;

/**
 * What a mail address's domain says about where someone works: an organisation's own domain
 * ("organisation", naming it), a shared domain such as nhs.net that proves NHS employment only
 * ("shared"), or nothing we know ("none").
 */
public record DomainMatch(@Schema(enumeration = { "organisation", "shared", "none" }) String kind, String domain,
        OrganisationView organisation) {

    public static final String ORGANISATION = "organisation";
    public static final String SHARED = "shared";
    public static final String NONE = "none";

    /** In the words of the page and the API answer. */
    public String explanation() {
        return switch (kind) {
            case ORGANISATION -> "The address's domain " + domain + " belongs to " + organisation.name() + ".";
            case SHARED -> "The address's domain " + domain + " is shared across the NHS: it shows NHS employment, not which organisation.";
            default -> "We do not know the domain " + domain + ": programme staff will check where you work before they approve.";
        };
    }
}
