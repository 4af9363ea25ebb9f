package org.joinedup.notification;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.joinedup.security.Account;

/** Whom a notification is for, resolved to accounts when it is sent: a leader's, a username's, or every account of an organisation. */
public final class Recipients {

    private final String description;
    private final Supplier<List<Account>> accounts;

    private Recipients(String description, Supplier<List<Account>> accounts) {
        this.description = description;
        this.accounts = accounts;
    }

    public static Recipients leader(long leaderId) {
        return new Recipients("leader " + leaderId, () -> Account.byLeader(leaderId).map(List::of).orElse(List.of()));
    }

    public static Recipients account(String username) {
        Objects.requireNonNull(username, "username");
        return new Recipients("account " + username, () -> Account.byUsername(username).map(List::of).orElse(List.of()));
    }

    public static Recipients organisation(String code) {
        Objects.requireNonNull(code, "code");
        return new Recipients("organisation " + code, () -> Account.list("organisationCode = ?1 order by id", code));
    }

    List<Account> accounts() {
        return accounts.get();
    }

    @Override
    public String toString() {
        return description;
    }
}
