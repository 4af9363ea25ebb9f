package org.joinedup.security;

import java.time.Instant;
import java.util.List;
import org.joinedup.organisation.OrganisationView;

/** An account as clients see it: never the password hash. */
public record AccountView(long id, String username, List<String> roles, Long leaderId, String fullName, String jobTitle,
        OrganisationView organisation, boolean illustrative, Instant createdAt, Instant disabledAt) {

    static AccountView of(Account a, OrganisationView organisation) {
        return new AccountView(a.id, a.username, List.copyOf(a.roles), a.leaderId, a.fullName, a.jobTitle, organisation, a.illustrative,
                a.createdAt, a.disabledAt);
    }
}
