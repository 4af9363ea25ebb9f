package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;

/**
 * Judging a round (docs/recognition.md): a judge declares their conflicts, then scores each
 * nominee they are not conflicted with on every criterion. Before the round closes a judge sees only
 * their own scores.
 */
@ApplicationScoped
@Transactional
public class JudgingService {

    public static final String OWN_ORGANISATION = "own-organisation";
    public static final String PARTNER_ORGANISATION = "partner-organisation";
    public static final String DECLARED = "declared";
    public static final List<String> REASONS = List.of(OWN_ORGANISATION, PARTNER_ORGANISATION, DECLARED);
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    @Inject
    RoundAccess access;

    @Inject
    RoundNominees nominees;

    @Inject
    JudgingRecords records;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService integration;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConflictsView conflicts(long roundId) {
        var round = access.find(roundId);
        long judge = access.requireJudge(round);
        access.requirePhase(round, RoundPhase.JUDGING);
        var organisation = access.caller().map(a -> a.organisation() == null ? null : a.organisation().code()).orElse(null);
        var nomineeIds = nominees.of(roundId).stream().map(ResultMethod.Nominee::leaderId).toList();
        var partnered = integration.partneredWith(organisation, nomineeIds);
        var suggested = new ArrayList<ConflictView>();
        for (long leaderId : nomineeIds) {
            var own = organisation != null && organisation.equals(leaders.organisationCode(leaderId).orElse(null));
            if (own || partnered.contains(leaderId)) {
                suggested.add(new ConflictView(leaderId, name(leaderId), own ? OWN_ORGANISATION : PARTNER_ORGANISATION));
            }
        }
        var confirmed = records.conflicts(roundId, judge).entrySet().stream()
                .map(e -> new ConflictView(e.getKey(), name(e.getKey()), e.getValue())).toList();
        return new ConflictsView(roundId, records.declaredAt(roundId, judge), suggested, confirmed);
    }

    /** Confirms the judge's whole set of conflicts; a conflict declared now takes the judge's scores for that nominee with it. */
    public ConflictsView declare(long roundId, ConflictsInput input) {
        var round = access.findSharing(roundId);
        long judge = access.requireJudge(round);
        access.requirePhase(round, RoundPhase.JUDGING);
        var problems = new ArrayList<Violation>();
        var chosen = new LinkedHashMap<Long, String>();
        for (int i = 0; i < input.conflicts().size(); i++) {
            var entry = input.conflicts().get(i);
            if (!REASONS.contains(entry.reason())) {
                problems.add(Violation.body("conflicts[" + i + "].reason", "is not a conflict reason", REASONS));
            }
            if (entry.leaderId() == null || !nominees.includes(roundId, entry.leaderId())) {
                problems.add(Violation.body("conflicts[" + i + "].leaderId", "is not a nominee of round " + roundId));
            } else if (chosen.put(entry.leaderId(), entry.reason()) != null) {
                problems.add(Violation.body("conflicts[" + i + "].leaderId", "is named twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        records.lockJudge(roundId, judge);
        var before = records.conflicts(roundId, judge);
        records.replaceConflicts(roundId, judge, chosen);
        audit.record("round-conflicts-declare", "round", roundId, Map.of("judge", judge, "conflicts", before),
                Map.of("judge", judge, "conflicts", chosen));
        return conflicts(roundId);
    }

    /** Sets (or replaces) the judge's scores for a nominee; every criterion of the round is required. */
    public SheetView score(long roundId, long leaderId, ScoresInput input) {
        var round = access.findSharing(roundId);
        long judge = access.requireJudge(round);
        access.requirePhase(round, RoundPhase.JUDGING);
        if (!nominees.includes(roundId, leaderId)) {
            throw ProblemException.notFound("Nominee", leaderId);
        }
        records.lockJudge(roundId, judge);
        if (records.declaredAt(roundId, judge) == null) {
            throw ProblemException.conflict("declare your conflicts in round " + roundId + " before scoring (PUT /api/rounds/" + roundId
                    + "/judging/conflicts)");
        }
        if (records.conflicts(roundId, judge).containsKey(leaderId)) {
            throw ProblemException.forbidden("you declared a conflict with nominee " + leaderId + ", so you do not score them");
        }
        var scores = checked(round, input.scores());
        var before = records.sheet(roundId, judge, leaderId);
        records.replaceScores(roundId, judge, leaderId, scores);
        audit.record("round-score", "round", roundId, before.isEmpty() ? null : Map.of("judge", judge, "nominee", leaderId, "scores", before),
                Map.of("judge", judge, "nominee", leaderId, "scores", scores));
        return new SheetView(judge, leaderId, scores);
    }

    /** Before close: the calling judge's own scores only. After: every judge's, for the panel and staff. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoresView scores(long roundId) {
        var round = access.find(roundId);
        var phase = access.phase(round);
        boolean closed = phase == RoundPhase.CLOSED || phase == RoundPhase.PUBLISHED;
        if (closed && (access.isStaff() || access.callerJudges(round))) {
            return new ScoresView(roundId, true, records.sheets(roundId, null));
        }
        long judge = access.requireJudge(round);
        return new ScoresView(roundId, false, records.sheets(roundId, judge));
    }

    /** Per judge: declared or not, and how many nominees scored of how many they may score. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgressView progress(long roundId) {
        access.requireStaff();
        var round = access.find(roundId);
        var nomineeIds = new HashSet<Long>(nominees.of(roundId).stream().map(ResultMethod.Nominee::leaderId).toList());
        var judges = new ArrayList<ProgressView.Judge>();
        var scored = new HashMap<Long, Integer>();
        for (var sheet : records.sheets(roundId, null)) {
            if (nomineeIds.contains(sheet.leaderId())) {
                scored.merge(sheet.judgeAccountId(), 1, Integer::sum);
            }
        }
        for (var row : records.judges(roundId)) {
            int conflicted = (int) records.conflicts(roundId, row.accountId()).keySet().stream().filter(nomineeIds::contains).count();
            judges.add(new ProgressView.Judge(row.accountId(), row.username(), row.declaredAt() != null,
                    scored.getOrDefault(row.accountId(), 0), nomineeIds.size() - conflicted));
        }
        return new ProgressView(roundId, access.phase(round).code(), nomineeIds.size(), judges);
    }

    /** Every criterion, each 1..5, no others; problems name scores.code. */
    private static Map<String, Integer> checked(NominationRound round, Map<String, Integer> given) {
        var problems = new ArrayList<Violation>();
        var scores = new TreeMap<String, Integer>();
        var codes = round.criteria.stream().map(c -> c.code).toList();
        for (var code : codes) {
            Integer score = given.get(code);
            if (score == null) {
                problems.add(Violation.body("scores." + code, "is required"));
            } else if (score < LOWEST || score > HIGHEST) {
                problems.add(Violation.body("scores." + code, "must be from " + LOWEST + " to " + HIGHEST));
            } else {
                scores.put(code, score);
            }
        }
        given.keySet().stream().filter(code -> !codes.contains(code))
                .forEach(code -> problems.add(Violation.body("scores." + code, "is not a criterion of round " + round.id, codes)));
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return scores;
    }

    private String name(long leaderId) {
        return leaders.find(leaderId).map(LeaderView::name).orElse(null);
    }
}
