package org.joinedup.platform;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Optimistic locking in HTTP terms, beside the body's {@code version}: the ETag of a {@link Versioned}
 * resource is its version as a strong entity tag ({@code "3"} for version 3), and {@code If-Match}
 * names the version a change is based on. A stale If-Match is a 412, a stale body version a 409.
 */
public final class ETags {

    public static final String IF_MATCH = "If-Match";
    /** The If-Match parameter as the API document describes it, on every operation that takes it. */
    public static final String IF_MATCH_HELP = "The ETag you read (\"3\"): the change is made only if the resource is still at that version, "
            + "else 412. Optional; beside the body's version where there is one (they must agree)";

    /** One entity tag of a list: optionally weak ({@code W/}), then a quoted opaque tag. */
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");
    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,8}");

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an update is based on: If-Match's or the body's. One of them is required; when both
     * are sent they must agree (else 400, so a client's mistake is never guessed at). {@code If-Match: *}
     * asks for no version check at all.
     */
    public static ExpectedVersion forUpdate(String ifMatch, Integer bodyVersion) {
        var header = parse(ifMatch);
        if (header == null || header.isAny() && bodyVersion != null) {
            return ExpectedVersion.fromBody(bodyVersion);
        }
        if (bodyVersion != null && !header.versions().contains(bodyVersion)) {
            throw ProblemException.invalid(List.of(
                    Violation.header(IF_MATCH, "names " + ifMatch.trim() + " but the body's version is " + bodyVersion + "; send one, or the same in both"),
                    Violation.body("version", "is " + bodyVersion + " but If-Match names " + ifMatch.trim())));
        }
        return header;
    }

    /** For a change without a body version (a removal, an action): If-Match's when sent, else any version. */
    public static ExpectedVersion forChange(String ifMatch) {
        var header = parse(ifMatch);
        return header == null ? ExpectedVersion.ANY : header;
    }

    /**
     * Null when there is no If-Match; {@link ExpectedVersion#ANY} for {@code *}; else the versions its
     * strong tags name. A weak tag never matches (RFC 9110 compares If-Match strongly), nor does a tag
     * that is no version of ours: both leave fewer versions, perhaps none, so the change is a 412.
     */
    static ExpectedVersion parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        if (ifMatch.trim().equals("*")) {
            return ExpectedVersion.ANY;
        }
        var versions = new LinkedHashSet<Integer>();
        for (var part : ifMatch.split(",", -1)) {
            var tag = TAG.matcher(part);
            if (!tag.matches()) {
                throw ProblemException.invalid(Violation.header(IF_MATCH,
                        "must be * or entity tags such as \"3\", as the ETag header gave them"));
            }
            if (tag.group(1) == null && VERSION.matcher(tag.group(2)).matches()) {
                versions.add(Integer.valueOf(tag.group(2)));
            }
        }
        return ExpectedVersion.fromIfMatch(Set.copyOf(versions));
    }

    static ProblemException preconditionFailed(String what, Object id, int current) {
        return new ProblemException(Problem.of("precondition-failed", "Precondition failed", 412,
                what + " " + id + " has changed since the ETag sent in If-Match: it is now " + of(current)
                        + "; fetch it again and reapply your change")
                .withViolations(List.of(Violation.header(IF_MATCH, "expected " + of(current)))));
    }

    /** The same, found only when writing: someone else changed it between our read and our write. */
    static Problem changedMeanwhile() {
        return Problem.of("precondition-failed", "Precondition failed", 412,
                "someone else changed this at the same time, so the ETag sent in If-Match no longer holds; fetch it again and reapply your change")
                .withViolations(List.of(Violation.header(IF_MATCH, "no longer the current ETag")));
    }
}
