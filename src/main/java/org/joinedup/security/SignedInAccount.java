package org.joinedup.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who the signed-in account is, as an assertion it makes shows it: its name, job title and
 * organisation come from the account, never from what a request says about itself.
 */
@ApplicationScoped
public class SignedInAccount {

    /** The account behind the request; {@code name} is its full name, or its username when it has none. */
    public record Identity(long id, String username, String name, String jobTitle, String organisationCode, boolean illustrative) {
    }

    /** Set only outside requests, by start-up work that gives corroboration as an account (the demo loader). */
    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    @Inject
    CurrentUser user;

    /** Empty outside a request and for anonymous callers. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Identity> current() {
        String username = user.signedIn() ? user.name() : user.inRequest() ? null : ACTING.get();
        if (username == null) {
            return Optional.empty();
        }
        return Account.byUsername(username).map(a -> new Identity(a.id, a.username,
                a.fullName == null || a.fullName.isBlank() ? a.username : a.fullName.strip(), blankToNull(a.jobTitle), a.organisationCode,
                a.illustrative));
    }

    /**
     * Runs start-up work as this account, so what it asserts shows the account as any other would
     * (the demo loader's partner accounts). Refused inside a request: a caller is who signed in.
     */
    public <T> T actingAs(String username, Supplier<T> work) {
        if (user.inRequest()) {
            throw new IllegalStateException("acting as an account is for start-up work, never for a request");
        }
        ACTING.set(username);
        try {
            return work.get();
        } finally {
            ACTING.remove();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
