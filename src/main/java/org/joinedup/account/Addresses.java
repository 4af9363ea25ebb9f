package org.joinedup.account;

import java.util.Locale;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/** Mail addresses as we keep them: trimmed, lower case, one @ and a domain with a dot. */
public final class Addresses {

    /**
     * The local part is an RFC 5321 dot-atom (atext with single dots between, none at either end);
     * no quoted strings, so no comma, angle bracket, quote, space or control character. The SMTP
     * client reads those as address lists or display names: a comma or {@code <} once held the whole
     * outgoing queue for the mailer's timeout (docs/mail.md). The domain is dot-separated labels.
     */
    private static final String ATEXT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final String PATTERN = "(?=[^@]{1,64}@)" + ATEXT + "+(\\." + ATEXT + "+)*@[a-z0-9-]+(\\.[a-z0-9-]+)+";

    private Addresses() {
    }

    public static String normalise(String field, String email) {
        var address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!isAddress(address)) {
            throw ProblemException.invalid(Violation.body(field, "is not a mail address such as name@trust.nhs.uk"));
        }
        return address;
    }

    /** Whether an already lower-cased, trimmed address is one we send to. */
    static boolean isAddress(String address) {
        return address.length() <= 254 && address.matches(PATTERN);
    }
}
