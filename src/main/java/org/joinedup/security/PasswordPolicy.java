package org.joinedup.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.joinedup.platform.Violation;

/**
 * What a new password must be, in one place: every path that sets a password (an admin's new
 * account, a claimed invitation, a reset, a change) asks here. Passwords set before it (the demo
 * and first-admin passwords from configuration) are not checked again.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    /** A listed password shorter than this, once padding is stripped, is not looked for (too many false hits). */
    private static final int MIN_CORE = 4;
    private static final Set<String> COMMON = load("seed-data/passwords/common-passwords.txt");

    private PasswordPolicy() {
    }

    /**
     * The problems with {@code password} as a new password, naming {@code field}; empty if it will do.
     * {@code username} and {@code email} may be null.
     */
    public static List<Violation> check(String field, String password, String username, String email) {
        var problems = new ArrayList<Violation>();
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            problems.add(Violation.body(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters"));
            return problems;
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (common(lower)) {
            problems.add(Violation.body(field, "is one of the commonly used passwords (or one padded with digits or repeated); choose another"));
        } else if (lower.chars().distinct().count() < 5) {
            problems.add(Violation.body(field, "needs at least 5 different characters"));
        }
        for (var name : personal(username, email)) {
            if (lower.contains(name)) {
                problems.add(Violation.body(field, "must not contain your username or the name part of your mail address"));
                break;
            }
        }
        return problems;
    }

    /** Listed as it is, listed once digits and punctuation are stripped from its ends, or a listed word repeated. */
    static boolean common(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        var core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (core.length() >= MIN_CORE && COMMON.contains(core)) {
            return true;
        }
        for (int size = MIN_CORE; size <= core.length() / 2; size++) {
            if (core.length() % size == 0 && core.substring(0, size).repeat(core.length() / size).equals(core)
                    && COMMON.contains(core.substring(0, size))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> personal(String username, String email) {
        var names = new ArrayList<String>();
        if (username != null && username.strip().length() >= 3) {
            var name = username.strip().toLowerCase(Locale.ROOT);
            names.add(name.contains("@") ? name.substring(0, name.indexOf('@')) : name);
        }
        if (email != null && email.contains("@") && email.indexOf('@') >= 3) {
            names.add(email.strip().toLowerCase(Locale.ROOT).substring(0, email.strip().indexOf('@')));
        }
        return names.stream().filter(n -> n.length() >= 3).toList();
    }

    private static Set<String> load(String path) {
        var in = PasswordPolicy.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the build");
        }
        var words = new HashSet<String>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (!line.startsWith("#!comment:") && !line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
