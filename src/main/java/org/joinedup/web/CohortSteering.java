package org.joinedup.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.joinedup.matching.CohortMatchInput;
import org.joinedup.matching.CohortMode;
import org.joinedup.matching.CohortResult;
import org.joinedup.matching.MatchView;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/**
 * What the cohort page needs to steer a run: its locks and bans with their prices, the requests a pair can be
 * locked for, mentors to suggest for unmatched learners; and {@link Change}, one change to a run's input as the
 * page's forms send it.
 */
public record CohortSteering(boolean possible, String mode, List<PricedOverride> overrides, List<RequestOption> requests,
        List<List<MatchView>> suggestions) {

    /** Unmatched learners given suggested mentors: each is a search, so a large cohort's page offers the typed lock for the rest. */
    static final int SUGGESTED_LEARNERS = 10;

    /** A lock or a ban of the run, with what it costs: the answer with it against the answer solved again without it. */
    public record PricedOverride(String kind, int index, long requestId, String learner, long mentorId, String mentor, String with, String without,
            String cost) {
    }

    public record RequestOption(long id, String label) {
    }

    static CohortSteering of(CohortResult result, Function<Long, String> name, BiFunction<Long, List<Long>, List<MatchView>> suggest) {
        var mode = result.mode() == null ? CohortMode.BEST_TOTAL.code() : result.mode();
        var input = result.input();
        if (input == null) {
            return new CohortSteering(false, mode, List.of(), List.of(), List.of());
        }
        var learnerOf = new HashMap<Long, Long>();
        var mentorNames = new HashMap<Long, String>();
        result.assignments().forEach(a -> {
            learnerOf.put(a.requestId(), a.learnerId());
            if (a.mentorName() != null) {
                mentorNames.put(a.mentorId(), a.mentorName());
            }
        });
        result.unmatched().forEach(u -> learnerOf.put(u.requestId(), u.learnerId()));
        Function<Long, String> learner = requestId -> learnerOf.containsKey(requestId) ? name.apply(learnerOf.get(requestId))
                : "learning request " + requestId;
        var overrides = new ArrayList<PricedOverride>();
        for (var price : result.overrides() == null ? List.<CohortResult.OverridePrice>of() : result.overrides()) {
            var mentor = mentorNames.computeIfAbsent(price.mentorId(), name);
            overrides.add(new PricedOverride(price.kind(), price.index(), price.requestId(), learner.apply(price.requestId()), price.mentorId(), mentor,
                    figures(price.matchedWith(), price.totalWith()), figures(price.matchedWithout(), price.totalWithout()), cost(price)));
        }
        var options = input.requests().stream().map(id -> new RequestOption(id, learner.apply(id) + " (learning request " + id + ")")).toList();
        var bans = input.bans() == null ? List.<CohortMatchInput.Pair>of() : input.bans();
        var suggestions = new ArrayList<List<MatchView>>();
        for (var u : result.unmatched()) {
            suggestions.add(suggestions.size() >= SUGGESTED_LEARNERS ? List.of() : suggest.apply(u.requestId(), input.mentors()).stream()
                    .filter(m -> !bans.contains(new CohortMatchInput.Pair(u.requestId(), m.mentor().id()))).toList());
        }
        return new CohortSteering(true, mode, overrides, options, suggestions);
    }

    public String modeName(String code) {
        return CohortMode.EVERYONE_FIRST.code().equals(code) ? "Everyone first" : "Best total";
    }

    public List<PricedOverride> locks() {
        return overrides.stream().filter(o -> o.kind().equals("lock")).toList();
    }

    public List<PricedOverride> bans() {
        return overrides.stream().filter(o -> o.kind().equals("ban")).toList();
    }

    private static String figures(int matched, double total) {
        return matched + " matched, total " + Formats.points(total);
    }

    /** What the override takes away (or, rarely, gives): learners matched first, then points. */
    static String cost(CohortResult.OverridePrice price) {
        int fewer = price.matchedWithout() - price.matchedWith();
        double less = price.totalWithout() - price.totalWith();
        var parts = new ArrayList<String>();
        if (fewer != 0) {
            parts.add(Math.abs(fewer) + " learner" + (Math.abs(fewer) == 1 ? "" : "s") + (fewer > 0 ? " fewer" : " more") + " matched");
        }
        if (Math.abs(less) >= 0.05) {
            parts.add(Formats.points(Math.abs(less)) + " points " + (less > 0 ? "less" : "more") + " in total");
        }
        return parts.isEmpty() ? "Costs nothing" : String.join(", ", parts);
    }

    /**
     * Where a refused change's reasons go: anything about a lock beside the lock fields (the attempted pair is shown
     * in them), the rest beside the list of locks and bans.
     */
    static FormErrors errors(List<Violation> violations, List<CohortMatchInput.Pair> locks) {
        var placed = new ArrayList<Violation>();
        for (var v : violations) {
            var field = v.field() == null ? "" : v.field();
            var message = v.message().startsWith("there is") ? v.message() : "this change cannot be made: " + v.message();
            if (field.startsWith("locks")) {
                // an earlier lock may be the one that no longer holds (its mentor since full), so the lock is named
                var index = field.matches("locks\\[\\d+].*") ? Integer.parseInt(field.replaceAll("locks\\[(\\d+)].*", "$1")) : -1;
                var lock = index >= 0 && index < locks.size() ? " (learning request " + locks.get(index).requestId() + ", mentor "
                        + locks.get(index).mentorId() + ")" : "";
                message = v.message().startsWith("there is") ? v.message() : "this lock" + lock + " cannot be kept: " + v.message();
                placed.add(Violation.body(field.endsWith(".requestId") ? "lockRequest" : "lockMentor", message));
            } else {
                placed.add(Violation.body("overrides", message));
            }
        }
        return new FormErrors(placed, f -> f);
    }

    /** One change to a run, as a form sends it; a value that is not of the page's making is a 400 naming the field. */
    record Change(String mode, CohortMatchInput.Pair lock, CohortMatchInput.Pair ban, Integer removeLock, Integer removeBan,
            boolean typedLockMissing) {

        static Change of(FormValues values) {
            var mode = values.get("mode").isBlank() ? null : values.get("mode");
            var lock = pair(values, "lock");
            boolean missing = false;
            if (values.has("action", "lock-typed")) {
                var mentor = values.get("lockMentor").strip();
                missing = !mentor.matches("\\d{1,18}");
                lock = missing ? null : new CohortMatchInput.Pair(values.number("lockRequest", -1), Long.parseLong(mentor));
            }
            var removeLock = values.get("removeLock").isBlank() ? null : (int) values.number("removeLock", -1);
            var removeBan = values.get("removeBan").isBlank() ? null : (int) values.number("removeBan", -1);
            return new Change(mode, lock, pair(values, "ban"), removeLock, removeBan, missing);
        }

        /** "requestId:mentorId", as a row's lock and ban buttons send it. */
        private static CohortMatchInput.Pair pair(FormValues values, String field) {
            var value = values.get(field).strip();
            if (value.isEmpty()) {
                return null;
            }
            if (!value.matches("\\d{1,18}:\\d{1,18}")) {
                throw ProblemException.invalid(Violation.body(field, "must be a request id and a mentor id"));
            }
            var ids = value.split(":");
            return new CohortMatchInput.Pair(Long.parseLong(ids[0]), Long.parseLong(ids[1]));
        }

        /** The run's input with this change; the earlier locks and bans are kept, a pair already there is not added twice. */
        CohortMatchInput applyTo(CohortMatchInput input) {
            var locks = new ArrayList<>(input.locks() == null ? List.of() : input.locks());
            var bans = new ArrayList<>(input.bans() == null ? List.of() : input.bans());
            if (removeLock != null && removeLock >= 0 && removeLock < locks.size()) {
                locks.remove((int) removeLock);
            }
            if (removeBan != null && removeBan >= 0 && removeBan < bans.size()) {
                bans.remove((int) removeBan);
            }
            if (lock != null && !locks.contains(lock)) {
                locks.add(lock);
            }
            if (ban != null && !bans.contains(ban)) {
                bans.add(ban);
            }
            return input.steered(mode == null ? input.mode() : mode, locks, bans);
        }
    }
}
