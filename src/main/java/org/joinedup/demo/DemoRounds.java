package org.joinedup.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.joinedup.recognition.DefaultCriteria;
import org.joinedup.recognition.NominationRound;
import org.joinedup.recognition.ResultService;
import org.joinedup.recognition.RoundCriterion;
import org.joinedup.recognition.RoundJudge;
import org.joinedup.recognition.RoundPublished;
import org.joinedup.security.AccountInput;
import org.joinedup.security.AccountService;
import org.joinedup.security.Roles;

/**
 * The demo's nomination rounds (docs/recognition.md), all of them illustrative: one closed
 * and published, with judges, nominations, conflicts, scores, a result computed from those scores
 * and citations; and one open for nominations today. Dates are relative to the day the demo loads.
 * The people are demo leaders (nominees) and illustrative demo accounts (judges); nominators are
 * illustrative confirmed e-mail addresses at example.org.
 */
@ApplicationScoped
class DemoRounds {

    private static final Logger LOG = Logger.getLogger(DemoRounds.class);
    static final String PUBLISHED = "Joined-up leadership round (illustrative)";
    static final String OPEN = "Neighbourhood health leaders round (illustrative)";
    static final List<String> JUDGES = List.of("demo-judge-1", "demo-judge-2", "demo-judge-3");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** How strong each nominee's case is, in the published round (the first the strongest): the scores vary around it. */
    private static final double[] STRENGTH = {4.6, 4.2, 3.9, 3.5, 3.1, 2.7};
    private static final String[] CITATIONS = {
        "For bringing hospital discharge and reablement teams under one leadership, and sticking with it.",
        "For a neighbourhood model that partners across the place now call their own.",
        "For making outcomes data shared, trusted and used across health and care.",
        "For supporting peers across the region through a hard winter."};

    @Inject
    EntityManager entityManager;

    @Inject
    DefaultCriteria defaultCriteria;

    @Inject
    ResultService results;

    @Inject
    AccountService accounts;

    @Inject
    Event<RoundPublished> published;

    /** The leaders (ids, in the data files' order) must have at least one record each: nominations link them. */
    @Transactional(TxType.MANDATORY)
    void load(List<Long> nominees, String password) {
        var judges = new ArrayList<Long>();
        for (int i = 0; i < JUDGES.size(); i++) {
            judges.add(accounts.createIllustrative(new AccountInput(JUDGES.get(i), password, List.of(Roles.COMMISSIONER), null,
                    "Demo judge " + (i + 1), "Judge (illustrative)", null)).id());
            DemoMail.giveAddress(JUDGES.get(i));
        }
        var criteria = defaultCriteria.criteria();
        var today = LocalDate.now(LONDON);
        var now = Instant.now();

        var done = round(PUBLISHED, today.minusDays(120), today.minusDays(90), today.minusDays(60), 4, 3, NominationRound.LIST_PUBLIC,
                criteria, judges);
        done.closedAt = now.minus(50, ChronoUnit.DAYS);
        done.publishedAt = now.minus(40, ChronoUnit.DAYS);
        var six = nominees.subList(0, STRENGTH.length);
        for (int n = 0; n < six.size(); n++) {
            nominate(done.id, six.get(n), n, criteria, now.minus(100, ChronoUnit.DAYS));
        }
        // judge 1 works with the second nominee: declared, so they score everyone else
        conflict(done.id, judges.get(0), six.get(1));
        for (int j = 0; j < judges.size(); j++) {
            for (int n = 0; n < six.size(); n++) {
                if (j == 0 && n == 1) {
                    continue;
                }
                for (int c = 0; c < criteria.size(); c++) {
                    score(done.id, judges.get(j), six.get(n), criteria.get(c).code, score(STRENGTH[n], j, c));
                }
            }
        }
        storeResult(done);
        entityManager.flush();
        published.fire(new RoundPublished(done.id));

        var open = round(OPEN, today.minusDays(7), today.plusDays(21), today.plusDays(49), 3, 0, NominationRound.LIST_SIGNED_IN, criteria,
                judges);
        for (int n = 0; n < 2; n++) {
            nominate(open.id, nominees.get(STRENGTH.length + n), n, criteria, now.minus(2, ChronoUnit.DAYS));
        }
        LOG.infof("Demo rounds (illustrative): '%s' published (round %d), '%s' taking nominations until %s (round %d)", PUBLISHED, done.id,
                OPEN, open.nominationsCloseOn, open.id);
    }

    private NominationRound round(String name, LocalDate opens, LocalDate closes, LocalDate judged, int select, int rank, String list,
            List<RoundCriterion> criteria, List<Long> judges) {
        var round = new NominationRound();
        round.name = name;
        round.question = "Who has led health and social care integration that others should learn from? (illustrative demo round)";
        round.nominationsOpenOn = opens;
        round.nominationsCloseOn = closes;
        round.judgingCloseOn = judged;
        round.selectCount = select;
        round.rankCount = rank;
        round.nominators = NominationRound.NOMINATORS_PUBLIC;
        round.listVisibility = list;
        criteria.forEach(c -> round.criteria.add(new RoundCriterion(c.code, c.name, c.description)));
        judges.forEach(id -> {
            var judge = new RoundJudge(id);
            judge.conflictsDeclaredAt = Instant.now();
            round.judges.add(judge);
        });
        round.persist();
        entityManager.flush();
        return round;
    }

    /** One nomination by a confirmed illustrative address, with a reason on the first two criteria and the nominee's first record. */
    private void nominate(long roundId, long leaderId, int n, List<RoundCriterion> criteria, Instant at) {
        var id = ((Number) entityManager.createNativeQuery("insert into nomination (round_id, nominee_leader_id, nominator_email, confirmed_at,"
                + " created_at) values (:round, :leader, :email, :at, :at) returning id")
                .setParameter("round", roundId).setParameter("leader", leaderId)
                .setParameter("email", "nominator-" + (n + 1) + "@example.org").setParameter("at", at).getSingleResult()).longValue();
        for (var criterion : criteria.subList(0, 2)) {
            entityManager.createNativeQuery("insert into nomination_reason (nomination_id, criterion_code, reason) values (:id, :code, :reason)")
                    .setParameter("id", id).setParameter("code", criterion.code)
                    .setParameter("reason", "Illustrative reason on " + criterion.name.toLowerCase() + ": what their partners said of their work.")
                    .executeUpdate();
        }
        entityManager.createNativeQuery("insert into nomination_record (nomination_id, record_id)"
                + " select :id, min(id) from integration_record where leader_id = :leader having min(id) is not null")
                .setParameter("id", id).setParameter("leader", leaderId).executeUpdate();
    }

    private void conflict(long roundId, long judge, long leaderId) {
        entityManager.createNativeQuery("insert into judge_conflict (round_id, judge_account_id, nominee_leader_id, reason)"
                + " values (:round, :judge, :leader, 'declared')")
                .setParameter("round", roundId).setParameter("judge", judge).setParameter("leader", leaderId).executeUpdate();
    }

    private void score(long roundId, long judge, long leaderId, String criterion, int score) {
        entityManager.createNativeQuery("insert into judge_score (round_id, judge_account_id, nominee_leader_id, criterion_code, score)"
                + " values (:round, :judge, :leader, :criterion, :score)")
                .setParameter("round", roundId).setParameter("judge", judge).setParameter("leader", leaderId)
                .setParameter("criterion", criterion).setParameter("score", score).executeUpdate();
    }

    /** Around the nominee's strength, each judge a little harsher or kinder on some criteria: 1 to 5. */
    static int score(double strength, int judge, int criterion) {
        return (int) Math.max(1, Math.min(5, Math.round(strength + ((judge + criterion) % 3 - 1) * 0.6)));
    }

    /** The result as the round's own method gives it (ResultService, as closing a round does), with a citation for each selected. */
    private void storeResult(NominationRound round) {
        for (var placing : results.storeResult(round)) {
            if (placing.selected()) {
                entityManager.createNativeQuery("update round_result set citation = :citation where round_id = :round and position = :position")
                        .setParameter("citation", CITATIONS[(placing.position() - 1) % CITATIONS.length]).setParameter("round", round.id)
                        .setParameter("position", placing.position()).executeUpdate();
            }
        }
    }
}
