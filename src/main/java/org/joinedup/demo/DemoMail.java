package org.joinedup.demo;

import java.util.Locale;
import org.joinedup.security.Account;

/** Demo accounts get a mail address on a reserved domain (RFC 2606), so mail to them lands only in a local inbox. */
final class DemoMail {

    static final String DOMAIN = "example.org";

    private DemoMail() {
    }

    /** demo-leader gets demo-leader@example.org; in the caller's transaction. */
    static void giveAddress(String username) {
        var name = username.strip().toLowerCase(Locale.ROOT);
        Account.update("email = ?1 where username = ?2 and email is null", name + "@" + DOMAIN, name);
    }
}
