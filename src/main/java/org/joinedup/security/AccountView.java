package org.joinedup.security;

import java.time.Instant;
import java.util.List;

/** An account as clients see it: never the password hash. */
public record AccountView(long id, String username, List<String> roles, Long leaderId, Instant createdAt, Instant disabledAt) {

    static AccountView of(Account a) {
        return new AccountView(a.id, a.username, List.copyOf(a.roles), a.leaderId, a.createdAt, a.disabledAt);
    }
}
