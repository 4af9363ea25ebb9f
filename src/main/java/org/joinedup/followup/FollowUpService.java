package org.joinedup.followup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.leader.LeaderService;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.matching.MentorshipCompleted;
import org.joinedup.matching.MentorshipService;
import org.joinedup.matching.MentorshipView;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;

/**
 * Follow-ups of completed mentorships, the only writer of table follow_up: scheduled when a
 * mentorship completes, asked (one mail each) by {@link #askDue}, answered once by the learner;
 * and the mentoring track record that the answers feed.
 */
@ApplicationScoped
@Transactional
public class FollowUpService {

    private static final Logger LOG = Logger.getLogger(FollowUpService.class);
    /** Follow-ups asked per statement; the pass repeats until none is left. */
    static final int BATCH = 200;

    /** Where people reach this service: mail needs an absolute link. */
    @ConfigProperty(name = "joinedup.public-url")
    String publicUrl;

    @Inject
    LeaderService leaders;

    @Inject
    MentorshipService mentorships;

    @Inject
    IntegrationRecordService records;

    @Inject
    MailOutbox mail;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    /** In the transaction that completes the mentorship: its two follow-ups, and the mentor re-indexed (their track record grew). */
    void onCompleted(@Observes MentorshipCompleted completed) {
        if (completed.mentorId() == completed.learnerId()) {
            return;
        }
        for (int months : FollowUp.MONTHS) {
            var followUp = new FollowUp();
            followUp.mentorshipId = completed.mentorshipId();
            followUp.months = months;
            followUp.mentorId = completed.mentorId();
            followUp.learnerId = completed.learnerId();
            followUp.dueAt = completed.completedAt().atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
            followUp.persist();
        }
        leaders.markChanged(completed.mentorId());
    }

    /**
     * Asks every follow-up due by {@code now} and not asked yet: marks it asked and queues one mail to
     * its learner, in one transaction. The conditional UPDATE claims each row once (SKIP LOCKED: a
     * copy running at the same time takes other rows or none), and the mail's event key makes a
     * repeat queue nothing. Learners whose account is disabled or has no address are asked in-app
     * only (GET /api/me/follow-ups), quietly. Returns how many were asked.
     */
    @SuppressWarnings("unchecked")
    public int askDue(Instant now) {
        int asked = 0;
        List<Object[]> rows;
        do {
            rows = FollowUp.getEntityManager().createNativeQuery("""
                    update follow_up set asked_at = :now, version = version + 1
                     where id in (select id from follow_up where asked_at is null and due_at <= :now
                                   order by due_at, id limit :batch for update skip locked)
                    returning id, mentorship_id, months, mentor_id, learner_id""")
                    .setParameter("now", now).setParameter("batch", BATCH).getResultList();
            for (var row : rows) {
                queueQuestion(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
                        ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
            }
            asked += rows.size();
        } while (rows.size() == BATCH);
        if (asked > 0) {
            LOG.infof("Asked %d follow-ups due by %s", asked, now);
        }
        return asked;
    }

    private void queueQuestion(long id, long mentorshipId, int months, long mentorId, long learnerId) {
        var account = Account.byLeader(learnerId).filter(a -> a.disabledAt == null && a.email != null && !a.email.isBlank());
        if (account.isEmpty()) {
            return;
        }
        var a = account.get();
        String mentor = leaders.find(mentorId).map(l -> l.name()).orElse("your mentor");
        String learner = leaders.find(learnerId).map(l -> l.name()).orElse(a.username);
        mail.enqueue(new Mail(a.id, a.email, MailKind.FOLLOW_UP, "mentorship-" + mentorshipId + "-follow-up-" + months + "m",
                "What changed since your mentorship with " + mentor + "?",
                "Your mentorship with " + mentor + " ended " + months + " months ago.\n\n"
                        + "What changed in your work since then? Would you recommend " + mentor + " to others?\n"
                        + "Answer on your page My work: " + publicUrl + "/my-work#follow-up-" + id + "\n\n"
                        + "If you have put into practice what you learned, you can start a record of your own work there, "
                        + "linked \"learned from " + mentor + "\"; you complete it and publish it when you are ready.",
                "You are leader " + learner + " in JoinedUp and were mentored by " + mentor
                        + "; we ask each learner twice, 3 and 6 months after a mentorship ends"));
    }

    /** The caller's follow-ups that have been asked, newest first; empty for an account without a leader. */
    @Transactional(TxType.SUPPORTS)
    public List<FollowUpView> mine() {
        var self = user.leaderId();
        if (self.isEmpty()) {
            return List.of();
        }
        List<FollowUp> asked = FollowUp.list("learnerId = ?1 and askedAt is not null", Sort.by("dueAt").descending().and("id"), self.get());
        return asked.stream().map(this::view).toList();
    }

    /**
     * The learner answers, once: 409 when already answered or not asked yet. Empty (404) for
     * anyone but the learner, staff included: the answer is theirs alone to give.
     */
    public Optional<FollowUpView> answer(long id, FollowUpAnswer answer) {
        // locked: of eight identical answers at once one is taken, the rest find it answered
        Optional<FollowUp> found = FollowUp.<FollowUp>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(f -> user.isLeader(f.learnerId));
        found.ifPresent(f -> {
            if (f.askedAt == null) {
                throw ProblemException.conflict("follow-up " + id + " is due on " + f.dueAt + "; it can be answered once it has been asked");
            }
            if (f.answered()) {
                throw ProblemException.conflict("follow-up " + id + " was answered on " + f.answeredAt + "; an answer is given once");
            }
            f.whatChanged = answer.whatChanged().strip();
            f.wouldRecommend = answer.wouldRecommend();
            f.answeredAt = Instant.now();
            if (answer.startRecord()) {
                String mentor = leaders.find(f.mentorId).map(l -> l.name()).orElse("my mentor");
                f.recordId = records.startDraft(f.learnerId, "What I did after learning from " + mentor, f.whatChanged, f.mentorId,
                        f.mentorshipId).id();
            }
            FollowUp.getEntityManager().flush();
            leaders.markChanged(f.mentorId);
            audit.record("answer", "follow-up", id, null, Map.of("wouldRecommend", f.wouldRecommend, "startedRecord", f.recordId == null ? "no" : f.recordId));
        });
        return found.map(this::view);
    }

    /** The track record of a leader the caller may see; empty when hidden or missing. */
    @Transactional(TxType.SUPPORTS)
    public Optional<TrackRecord> trackRecordForCaller(long leaderId) {
        if (!leaders.visibleToCaller(leaderId)) {
            return Optional.empty();
        }
        return Optional.of(trackRecords(List.of(leaderId)).getOrDefault(leaderId, TrackRecord.NONE));
    }

    /** Track records of these leaders, whoever asks (for the index); leaders who never mentored are left out. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, TrackRecord> trackRecords(Collection<Long> leaderIds) {
        if (leaderIds.isEmpty()) {
            return Map.of();
        }
        var completed = mentorships.completedAsMentor(leaderIds);
        var learned = records.countLearnedFrom(leaderIds);
        var answered = new HashMap<Long, long[]>();
        FollowUp.getEntityManager().createQuery("select f.mentorId, count(f), sum(case when f.wouldRecommend = true then 1 else 0 end) "
                + "from FollowUp f where f.mentorId in ?1 and f.answeredAt is not null group by f.mentorId", Object[].class)
                .setParameter(1, leaderIds).getResultList()
                .forEach(row -> answered.put((Long) row[0], new long[] { ((Number) row[1]).longValue(), ((Number) row[2]).longValue() }));
        var result = new HashMap<Long, TrackRecord>();
        for (var id : leaderIds) {
            var answers = answered.getOrDefault(id, new long[2]);
            var track = new TrackRecord(completed.getOrDefault(id, 0L), answers[0], answers[1], learned.getOrDefault(id, 0L));
            if (!track.equals(TrackRecord.NONE)) {
                result.put(id, track);
            }
        }
        return result;
    }

    private FollowUpView view(FollowUp f) {
        return new FollowUpView(f.id, f.mentorshipId, f.months,
                new MentorshipView.Person(f.mentorId, leaders.find(f.mentorId).map(l -> l.name()).orElse(null)), f.dueAt, f.askedAt,
                f.answeredAt, f.whatChanged, f.wouldRecommend, f.recordId);
    }
}
