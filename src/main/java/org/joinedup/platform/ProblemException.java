package org.joinedup.platform;

import java.util.List;

/**
 * Thrown by services for any request the service will not carry out; the mapper turns it into
 * problem+json. Being a RuntimeException it also rolls back the surrounding transaction.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private Long retryAfterSeconds;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Sent as the Retry-After header (a 429 or 503 that says when to come back). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException invalid(List<Violation> violations) {
        var detail = violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid; see violations";
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, detail).withViolations(violations));
    }

    public static ProblemException invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, what + " " + id + " does not exist"));
    }

    /** A 404 for something a request body names: the violation names the field, so a form can show it there. */
    public static ProblemException notFound(String what, Object id, String field) {
        var detail = what + " " + id + " does not exist";
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail).withViolations(List.of(Violation.body(field, detail))));
    }

    public static ProblemException staleVersion(String what, Object id, int given, int current) {
        return new ProblemException(Problem.of("stale-version", "Stale version", 409,
                what + " " + id + " is at version " + current + " but the request was based on version " + given
                        + "; fetch it again and reapply your change")
                .withViolations(List.of(Violation.body("version", "expected " + current))));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail));
    }

    /** 403 naming the field the caller may not change (a delegate sending a leader's visibility). */
    public static ProblemException forbidden(Violation field) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, field.field() + ": " + field.message())
                .withViolations(List.of(field)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of("conflict", "Conflict", 409, detail));
    }
}
