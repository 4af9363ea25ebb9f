package org.joinedup.matching;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/**
 * Which mentors are paused on {@code today} (each pause runs while its day is after today, so it ends by
 * itself): a cohort never proposes them and a lock on one is a 409. Pure, so it is checked against brute
 * force; the cohort service reads the dates from the database, as the index may lag.
 */
record MentorPauses(Map<Long, LocalDate> until, LocalDate today) {

    static final MentorPauses NONE = new MentorPauses(Map.of(), LocalDate.MIN);

    MentorPauses {
        until = Map.copyOf(until);
        Objects.requireNonNull(today, "today");
    }

    boolean paused(long mentorId) {
        return MentoringOffer.paused(until.get(mentorId), today);
    }

    /** The pool without the paused mentors. */
    <T> Map<Long, T> available(Map<Long, T> pool) {
        var left = new HashMap<Long, T>();
        pool.forEach((id, mentor) -> {
            if (!paused(id)) {
                left.put(id, mentor);
            }
        });
        return left;
    }

    /** The problem with no place and no pair for a paused mentor. */
    CohortProblem apply(CohortProblem problem) {
        var capacity = new HashMap<Long, Integer>();
        problem.mentorCapacity().forEach((id, places) -> capacity.put(id, paused(id) ? 0 : places));
        return new CohortProblem(problem.requestIds(), capacity,
                problem.edges().stream().filter(edge -> !paused(edge.mentorId())).toList(), problem.perRequest());
    }

    /** 409 naming the first lock whose mentor is paused, with the day the pause ends. */
    void checkLocks(List<CohortMatchInput.Pair> locks) {
        for (int i = 0; i < locks.size(); i++) {
            var lock = locks.get(i);
            if (paused(lock.mentorId())) {
                var message = "the mentor is paused until " + until.get(lock.mentorId());
                throw new ProblemException(Problem.of("conflict", "Conflict", 409, "locks[" + i + "] (request " + lock.requestId() + ", mentor "
                        + lock.mentorId() + "): " + message).withViolations(List.of(Violation.body("locks[" + i + "]", message))));
            }
        }
    }
}
