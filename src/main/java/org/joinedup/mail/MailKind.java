package org.joinedup.mail;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of mail the service sends. A person chooses, per kind, to get it at once, in a weekly
 * digest or never; security mail (invitations, password resets, account decisions) always goes at once.
 */
public enum MailKind {
    INTRODUCTION("Introductions asked of you and answers to yours", false),
    MENTORSHIP("Mentorships proposed to you and answers to yours", false),
    CORROBORATION("Requests to confirm records and answers to yours", false),
    VERIFICATION("Your records verified by a programme", false),
    REMINDER("Reminders of things waiting for you", false),
    FOLLOW_UP("Questions after a mentorship ends", false),
    SAVED_SEARCH("Leaders newly matching your saved searches", false),
    SECURITY("Invitations, password resets and decisions on your account", true),
    /** The weekly mail listing the mails a person chose to get weekly; made by MailDigest, not queued by features. */
    DIGEST("Your weekly digest", false);

    private final String label;
    private final boolean security;

    MailKind(String label, boolean security) {
        this.label = label;
        this.security = security;
    }

    public String label() {
        return label;
    }

    /** Sent whatever the person's preferences: they need it to get into or protect their account. */
    public boolean security() {
        return security;
    }

    /** A kind the person chooses for (every kind but security and the digest itself). */
    public boolean choosable() {
        return !security && this != DIGEST;
    }

    /** The kind written as {@code code}, if there is one. */
    public static Optional<MailKind> ofCode(String code) {
        for (var kind : values()) {
            if (kind.code().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** As written in the database and URLs: lower case with hyphens. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
