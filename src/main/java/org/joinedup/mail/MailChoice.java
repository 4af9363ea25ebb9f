package org.joinedup.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a person chose for a kind of mail. */
public enum MailChoice {
    IMMEDIATELY("As it happens"),
    WEEKLY("In a weekly digest"),
    NEVER("Never");

    private final String label;

    MailChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MailChoice> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(MailChoice::code).toList();
    }
}
