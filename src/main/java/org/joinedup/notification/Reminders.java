package org.joinedup.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;
import org.joinedup.introduction.IntroductionService;
import org.joinedup.matching.ProposalExpiry;
import org.joinedup.platform.ScheduledRuns;

/**
 * The reminder pass, run in one service copy at a time (a claim in table scheduled_run): one reminder
 * for each introduction and mentorship proposal unanswered for joinedup.reminders.answer-after, then
 * expiry of those unanswered for longer, then the yearly nudge about a stale "doing now", then a word to
 * whoever sent an invitation that ran out unclaimed. Each step is
 * safe to run twice or at once in several copies: a reminder's event key makes it one notification and
 * one mail, and expiry is a conditional update.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);
    static final String JOB = "reminders";
    private static final String COPY = "copy-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());

    @Inject
    ReminderConfig config;

    @Inject
    ScheduledRuns runs;

    @Inject
    EntityManager em;

    @Inject
    Notices notices;

    @Inject
    IntroductionService introductions;

    @Inject
    ProposalExpiry proposals;

    /** What one pass did. */
    public record Report(int introductionReminders, int mentorshipReminders, int introductionsExpired, int proposalsExpired,
            int doingNowNudges, int invitationsExpired) {
    }

    /** How far back an unclaimed invitation's end is still told: older ones (say, before this step existed) stay quiet. */
    static final Duration INVITATION_EXPIRY_TOLD_WITHIN = Duration.ofDays(7);

    @Scheduled(identity = JOB, every = "${joinedup.reminders.every}", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        // a copy firing a little early must not run it again: half the spacing is "within this run"
        if (runs.claim(JOB, config.every().dividedBy(2), COPY)) {
            run(Instant.now());
        }
    }

    /** One pass as of {@code now} (tests pass a time days ahead instead of waiting). */
    public Report run(Instant now) {
        var answerBy = now.minus(config.answerAfter());
        var introductionsExpireBy = now.minus(config.introductionExpiry());
        var proposalsExpireBy = proposals.cutoff(now);
        // only what is still waiting and not yet due to expire, and not reminded already; read here in
        // SQL because "not reminded" is a question about this package's own table
        List<Object[]> dueIntroductions = QuarkusTransaction.requiringNew().call(() -> due("""
                select i.id, i.leader_id, i.requester from introduction i
                 where i.status = 'requested' and i.created_at < :answerBy and i.created_at >= :expireBy
                   and not exists (select 1 from notification n where n.event_key = 'introduction-' || i.id || '-reminder')
                 order by i.id""", answerBy, introductionsExpireBy));
        dueIntroductions.forEach(row -> QuarkusTransaction.requiringNew().run(
                () -> notices.introductionReminder(id(row[0]), id(row[1]), (String) row[2])));
        List<Object[]> dueProposals = QuarkusTransaction.requiringNew().call(() -> due("""
                select m.id, m.mentor_id, m.learner_id from mentorship m
                 where m.status = 'proposed' and m.proposed_at < :answerBy and m.proposed_at >= :expireBy
                   and not exists (select 1 from notification n where n.event_key = 'mentorship-' || m.id || '-reminder')
                 order by m.id""", answerBy, proposalsExpireBy));
        dueProposals.forEach(row -> QuarkusTransaction.requiringNew().run(
                () -> notices.mentorshipReminder(id(row[0]), id(row[1]), id(row[2]))));
        int introductionsExpired = QuarkusTransaction.requiringNew().call(() -> introductions.expireUnanswered(introductionsExpireBy));
        int proposalsExpired = proposals.expire(now);
        int nudges = nudgeStaleDoingNow(now);
        int invitationsExpired = tellExpiredInvitations(now);
        var report = new Report(dueIntroductions.size(), dueProposals.size(), introductionsExpired, proposalsExpired, nudges,
                invitationsExpired);
        if (!report.equals(new Report(0, 0, 0, 0, 0, 0))) {
            LOG.infof("Reminder pass as of %s: %s", now, report);
        }
        return report;
    }

    /**
     * Leaders with an account whose "doing now" is older than joinedup.reminders.doing-now-after and
     * who were not nudged this calendar year. Reads the leader and account tables directly: a join
     * here is one query, where asking the leader feature leader by leader would be thousands.
     */
    int nudgeStaleDoingNow(Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        LocalDate before = now.minus(config.doingNowAfter()).atZone(ZoneOffset.UTC).toLocalDate();
        @SuppressWarnings("unchecked")
        List<Object[]> stale = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select l.id, l.doing_now_as_of from leader l join account a on a.leader_id = l.id
                 where l.doing_now_as_of < :before and a.disabled_at is null
                   and not exists (select 1 from notification n where n.account_id = a.id
                                     and n.event_key = 'doing-now-' || l.id || '-' || :year)
                 order by l.id""").setParameter("before", Date.valueOf(before)).setParameter("year", year).getResultList());
        stale.forEach(row -> QuarkusTransaction.requiringNew().run(() -> notices.doingNowStale(id(row[0]), toDate(row[1]), year)));
        return stale.size();
    }

    /**
     * Invitations that ran out in the last {@link #INVITATION_EXPIRY_TOLD_WITHIN} unused (a replaced link counts
     * as used) for a leader who still has no account, each told once to whoever sent it. Reads the link
     * table directly, for the same reason as the nudge above.
     */
    int tellExpiredInvitations(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> expired = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select l.id, l.leader_id, l.email, l.created_by, l.created_at from one_time_link l
                 where l.purpose = 'invitation' and l.used_at is null and l.expires_at < :now and l.expires_at >= :since
                   and not exists (select 1 from account a where a.leader_id = l.leader_id)
                   and not exists (select 1 from notification n where n.event_key = 'invitation-' || l.id || '-expired')
                 order by l.id""").setParameter("now", now).setParameter("since", now.minus(INVITATION_EXPIRY_TOLD_WITHIN)).getResultList());
        expired.forEach(row -> QuarkusTransaction.requiringNew().run(() -> notices.invitationExpired(id(row[0]), id(row[1]),
                (String) row[2], (String) row[3], toInstant(row[4]).atZone(ZoneOffset.UTC).toLocalDate())));
        return expired.size();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> due(String sql, Instant answerBy, Instant expireBy) {
        return em.createNativeQuery(sql).setParameter("answerBy", answerBy).setParameter("expireBy", expireBy).getResultList();
    }

    private static long id(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant toInstant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
