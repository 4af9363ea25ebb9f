package org.joinedup.platform;

import java.util.Set;

/**
 * The version(s) a change is based on, and where the client said so: in If-Match (a stale one is
 * 412) or in the body (409). Made by {@link ETags}; services call {@link #check} with what they hold.
 */
public final class ExpectedVersion {

    /** No condition: {@code If-Match: *}, or a change sent without one. */
    public static final ExpectedVersion ANY = new ExpectedVersion(null, true);

    /** Null for any version; may be empty (a weak or foreign tag), which no version matches. */
    private final Set<Integer> versions;
    private final boolean fromIfMatch;

    private ExpectedVersion(Set<Integer> versions, boolean fromIfMatch) {
        this.versions = versions;
        this.fromIfMatch = fromIfMatch;
    }

    /** The body's version, required (the web pages' forms carry the version they showed, too). */
    public static ExpectedVersion fromBody(Integer version) {
        if (version == null) {
            throw ProblemException.invalid(Violation.body("version",
                    "is required when updating; send the version you read, or its ETag as If-Match"));
        }
        return new ExpectedVersion(Set.of(version), false);
    }

    static ExpectedVersion fromIfMatch(Set<Integer> versions) {
        return new ExpectedVersion(versions, true);
    }

    boolean isAny() {
        return versions == null;
    }

    Set<Integer> versions() {
        return versions;
    }

    /** Throws unless the current version is one the client expected: 412 for If-Match, 409 for a body version. */
    public void check(String what, Object id, int current) {
        if (versions == null || versions.contains(current)) {
            return;
        }
        throw fromIfMatch ? ETags.preconditionFailed(what, id, current)
                : ProblemException.staleVersion(what, id, versions.iterator().next(), current);
    }
}
