package org.joinedup.platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Short free text that must stay on one line: names and job titles. They are put into mail bodies
 * ("Hello " + name) sent to addresses the caller chooses, so a line break in one would let anybody
 * write their own paragraphs and links into a mail from the service (docs/security.md).
 */
public final class OneLine {

    /**
     * For {@code @Pattern}: no control character (CR, LF, TAB, NUL, ...; {@code \p{Cntrl}}) and none of the
     * Unicode line and paragraph separators, which some mail clients show as line breaks too.
     */
    public static final String PATTERN = "[^\\p{Cntrl}\\u0085\\u2028\\u2029]*";
    public static final String MESSAGE = "must be one line, without line breaks, tabs or other control characters";

    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    private OneLine() {
    }

    /** Adds a violation naming {@code field} when {@code value} is over {@code max} characters (stripped) or not one line. */
    public static void check(String field, String value, int max, List<Violation> violations) {
        if (value == null) {
            return;
        }
        if (value.strip().length() > max) {
            violations.add(Violation.body(field, "must be at most " + max + " characters"));
        } else if (!value.matches(PATTERN)) {
            violations.add(Violation.body(field, MESSAGE));
        }
    }

    /** The text with each run of control characters made one space: for names stored before they were checked. */
    public static String flatten(String value) {
        return value == null ? null : BREAKS.matcher(value).replaceAll(" ").strip();
    }
}
