package org.joinedup.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;

/**
 * Who the signed-in account is, as an assertion it makes shows it: its name, job title and
 * organisation come from the account, never from what a request says about itself.
 */
@ApplicationScoped
public class SignedInAccount {

    /** The account behind the request; {@code name} is its full name, or its username when it has none. */
    public record Identity(long id, String username, String name, String jobTitle, String organisationCode) {
    }

    @Inject
    CurrentUser user;

    /** Empty outside a request and for anonymous callers. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Identity> current() {
        if (!user.signedIn()) {
            return Optional.empty();
        }
        return Account.byUsername(user.name()).map(a -> new Identity(a.id, a.username,
                a.fullName == null || a.fullName.isBlank() ? a.username : a.fullName.strip(), blankToNull(a.jobTitle), a.organisationCode));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
