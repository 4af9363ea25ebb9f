package org.joinedup.account;

import java.util.Locale;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/** Mail addresses as we keep them: trimmed, lower case, one @ and a domain with a dot. */
public final class Addresses {

    private static final String PATTERN = "[^@\\s]{1,64}@[a-z0-9-]+(\\.[a-z0-9-]+)+";

    private Addresses() {
    }

    public static String normalise(String field, String email) {
        var address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !address.matches(PATTERN)) {
            throw ProblemException.invalid(Violation.body(field, "is not a mail address such as name@trust.nhs.uk"));
        }
        return address;
    }
}
