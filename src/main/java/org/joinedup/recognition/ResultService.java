package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.recognition.ResultMethod.Sheet;
import org.joinedup.security.AccountView;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;

/**
 * A round's result (docs/recognition.md): staff close the round, which computes the order
 * with {@link ResultMethod} and stores it; they may move people with a reason, write citations, and
 * publish the list to the round's audience.
 */
@ApplicationScoped
@Transactional
public class ResultService {

    /** What a published list shows in place of someone erased from the registry. */
    public static final String LEFT_THE_REGISTRY = "a person who has left the registry";

    @Inject
    RoundAccess access;

    @Inject
    RoundNominees nominees;

    @Inject
    JudgingRecords judging;

    @Inject
    ResultRecords results;

    @Inject
    LeaderService leaders;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    Event<RoundPublished> published;

    /** Computes and stores the result; the round row is locked, so of two closes at once the second finds it closed (409). */
    public ResultView close(long roundId) {
        access.requireStaff();
        var round = access.lock(roundId);
        access.requirePhase(round, RoundPhase.JUDGING);
        var placings = storeResult(round);
        round.closedAt = Instant.now();
        NominationRound.getEntityManager().flush();
        audit.record("round-close", "round", roundId, null, Map.of("nominees", placings.size()));
        return view(round);
    }

    /** Computes the order from the round's scores and conflicts with {@link ResultMethod} and stores it (also how the demo rounds get theirs). */
    public List<ResultMethod.Placing> storeResult(NominationRound round) {
        var sheets = judging.sheets(round.id, null).stream()
                .map(s -> new Sheet(s.judgeAccountId(), s.leaderId(), List.copyOf(s.scores().values()))).toList();
        var placings = ResultMethod.order(nominees.of(round.id), sheets, judging.allConflicts(round.id), round.selectCount, round.rankCount);
        results.replace(round.id, placings.stream().map(p -> new ResultRecords.Row(p.position(), p.leaderId(), p.position(), p.mean(),
                p.judgesCounted(), p.selected(), p.ranked(), null)).toList());
        return placings;
    }

    /** Staff at any time after close; the round's judges too. 409 before the round closes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultView result(long roundId) {
        var round = access.find(roundId);
        if (!access.isStaff() && !access.callerJudges(round)) {
            throw ProblemException.forbidden("only programme staff and the round's judges see its result");
        }
        access.requirePhase(round, RoundPhase.CLOSED, RoundPhase.PUBLISHED);
        return view(round);
    }

    /** Moves a nominee to another place, with a reason; the others shift, and selected and ranked follow the new places. */
    public ResultView move(long roundId, MoveInput input, ExpectedVersion expected) {
        access.requireStaff();
        var round = access.lock(roundId);
        expected.check("Round", roundId, round.version);
        access.requirePhase(round, RoundPhase.CLOSED);
        var rows = new ArrayList<>(results.rows(roundId));
        var moving = rows.stream().filter(r -> Objects.equals(r.leaderId(), input.leaderId())).findFirst()
                .orElseThrow(() -> ProblemException.invalid(Violation.body("leaderId", "is not in the result of round " + roundId)));
        if (input.toPosition() > rows.size()) {
            throw ProblemException.invalid(Violation.body("toPosition", "must be at most " + rows.size() + ", the number of places"));
        }
        rows.remove(moving);
        rows.add(input.toPosition() - 1, moving);
        var renumbered = new ArrayList<ResultRecords.Row>();
        for (int i = 0; i < rows.size(); i++) {
            renumbered.add(rows.get(i).at(i + 1, round.selectCount, round.rankCount));
        }
        results.replace(roundId, renumbered);
        var by = access.caller().map(AccountView::id).orElse(null);
        results.adjust(roundId, input.leaderId(), moving.position(), input.toPosition(), input.reason().strip(), by);
        audit.record("round-move", "round", roundId, Map.of("leaderId", input.leaderId(), "position", moving.position()),
                Map.of("leaderId", input.leaderId(), "position", input.toPosition(), "reason", input.reason().strip()));
        return view(revised(round));
    }

    public ResultView cite(long roundId, long leaderId, CitationInput input, ExpectedVersion expected) {
        access.requireStaff();
        var round = access.lock(roundId);
        expected.check("Round", roundId, round.version);
        access.requirePhase(round, RoundPhase.CLOSED);
        var rows = results.rows(roundId);
        var citing = rows.stream().filter(r -> Objects.equals(r.leaderId(), leaderId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Nominee", leaderId));
        var text = input.citation() == null || input.citation().isBlank() ? null : input.citation().strip();
        results.replace(roundId, rows.stream().map(r -> r == citing ? r.citing(text) : r).toList());
        audit.record("round-citation", "round", roundId, citing.citation() == null ? null : Map.of("leaderId", leaderId, "citation", citing.citation()),
                text == null ? null : Map.of("leaderId", leaderId, "citation", text));
        return view(revised(round));
    }

    /**
     * A move or citation changes the result's rows, not the round's: the round's version is raised by
     * hand, so the result's ETag changes with every change to it and a stale If-Match is refused.
     */
    private static NominationRound revised(NominationRound round) {
        var em = NominationRound.getEntityManager();
        em.lock(round, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        em.flush();
        return round;
    }

    /** Publishes the list to the round's audience and tells the features that show recognition. */
    public PublishedListView publish(long roundId) {
        access.requireStaff();
        var round = access.lock(roundId);
        access.requirePhase(round, RoundPhase.CLOSED);
        round.publishedAt = Instant.now();
        NominationRound.getEntityManager().flush();
        audit.record("round-publish", "round", roundId, null, Map.of("publishedAt", round.publishedAt.toString()));
        published.fire(new RoundPublished(roundId));
        return list(roundId);
    }

    /**
     * The published list as this caller may see it: per the round's list visibility once published,
     * and for staff already once closed. 404 otherwise, so an unpublished list is not revealed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublishedListView list(long roundId) {
        var round = NominationRound.<NominationRound>findByIdOptional(roundId).orElse(null);
        if (round == null || !listVisible(round)) {
            throw ProblemException.notFound("List of round", roundId);
        }
        var entries = results.rows(roundId).stream().filter(ResultRecords.Row::selected).map(this::listEntry).toList();
        return new PublishedListView(roundId, round.name, round.question, round.publishedAt, entries);
    }

    private boolean listVisible(NominationRound round) {
        var phase = access.phase(round);
        if (user.isStaff()) {
            return phase == RoundPhase.CLOSED || phase == RoundPhase.PUBLISHED;
        }
        return phase == RoundPhase.PUBLISHED && NominationRound.listShownTo(round.listVisibility, user.signedIn(), false);
    }

    private PublishedListView.Entry listEntry(ResultRecords.Row row) {
        var leader = row.leaderId() == null ? null : leaders.find(row.leaderId()).orElse(null);
        if (leader == null) {
            return new PublishedListView.Entry(row.position(), row.ranked(), null, LEFT_THE_REGISTRY, null, null, null, null);
        }
        boolean mayOpen = leaders.visibleToCaller(leader.id());
        return new PublishedListView.Entry(row.position(), row.ranked(), mayOpen ? leader.id() : null, leader.name(), leader.currentRole(),
                leader.organisation() == null ? null : leader.organisation().name(), row.citation(), mayOpen ? "/leaders/" + leader.id() : null);
    }

    private ResultView view(NominationRound round) {
        var entries = results.rows(round.id).stream().map(r -> new ResultView.Entry(r.position(), r.leaderId(),
                r.leaderId() == null ? LEFT_THE_REGISTRY : leaders.find(r.leaderId()).map(LeaderView::name).orElse(LEFT_THE_REGISTRY),
                r.computedPosition(), r.mean(), r.judgesCounted(), r.mean() == null, r.selected(), r.ranked(), r.citation())).toList();
        return new ResultView(round.id, access.phase(round).code(), round.selectCount, round.rankCount, round.closedAt, entries,
                results.adjustments(round.id), round.version);
    }
}
