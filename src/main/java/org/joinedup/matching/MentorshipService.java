package org.joinedup.matching;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.leader.Contact;
import org.joinedup.leader.LeaderRemoved;
import org.joinedup.leader.LeaderService;
import org.joinedup.notification.Notices;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Proposes mentorships and moves them through their life; the only writer of the mentorship table.
 * A proposal takes a place of the mentor's capacity (atomically, see {@link LeaderService#reserveMentee});
 * declining or completing gives it back.
 */
@ApplicationScoped
@Transactional
public class MentorshipService {

    private static final Logger LOG = Logger.getLogger(MentorshipService.class);

    @Inject
    LeaderService leaders;

    @Inject
    LearningRequestService requests;

    @Inject
    MatchService matches;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    MatchingLimits limits;

    @Inject
    Notices notices;

    @Inject
    Event<MentorshipCompleted> completions;

    public MentorshipView propose(MentorshipInput input, Long cohortMatchId) {
        // a request the caller may not handle (not staff, not its learner) is answered as a missing one, as GET does
        Optional<LearningRequest> found = LearningRequest.<LearningRequest>findByIdOptional(input.requestId())
                .filter(r -> user.isStaff() || user.isLeader(r.learnerId));
        var violations = new ArrayList<Violation>();
        if (found.isEmpty()) {
            violations.add(Violation.body("requestId", "there is no learning request " + input.requestId()));
        }
        // a hidden leader and a missing one get the same answer
        if (!leaders.visibleToCaller(input.mentorId())) {
            violations.add(Violation.body("mentorId", "there is no leader " + input.mentorId()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        var request = found.get();
        if (!LearningRequest.OPEN.equals(request.status)) {
            throw ProblemException.conflict("learning request " + request.id + " is " + request.status);
        }
        if (Mentorship.liveOfRequest(request.id).stream().anyMatch(m -> m.mentorId == input.mentorId())) {
            throw ProblemException.conflict("leader " + input.mentorId() + " is already proposed for learning request " + request.id);
        }
        boolean byLearner = !user.isStaff();
        if (byLearner) {
            LearningRequest.lockPlacesOf(request.learnerId);
            if (Mentorship.openProposalsByLearner(request.learnerId) >= limits.openProposals()) {
                throw ProblemException.conflict("you already have " + limits.openProposals() + " proposals your mentors have not answered, "
                        + "the most a learner may have; wait for an answer, or withdraw a request");
            }
        }
        var match = matches.pair(requests.need(request), input.mentorId())
                .orElseThrow(() -> ProblemException.conflict("leader " + input.mentorId() + " is not a possible mentor for learning request "
                        + request.id + ": not available to mentor, the learner's own organisation or a declared conflict, "
                        + "or no experience of the services wanted"));
        leaders.reserveMentee(input.mentorId());
        var mentorship = new Mentorship();
        mentorship.requestId = request.id;
        mentorship.mentorId = input.mentorId();
        mentorship.learnerId = request.learnerId;
        mentorship.score = match.score();
        mentorship.reasons = new ArrayList<>(match.reasons());
        mentorship.proposedAt = Instant.now();
        mentorship.cohortMatchId = cohortMatchId;
        mentorship.proposedByLearner = byLearner;
        mentorship.persist();
        audit.record("propose", "mentorship", mentorship.id, null, view(mentorship));
        notices.mentorshipProposed(mentorship.id, mentorship.mentorId, mentorship.learnerId);
        LOG.infof("Proposed mentorship %d: leader %d for request %d (score %.2f)", mentorship.id, mentorship.mentorId, request.id,
                mentorship.score);
        return view(mentorship);
    }

    /** Moves a mentorship on; an illegal step is a 409. Empty when it does not exist. */
    public Optional<MentorshipView> move(long id, MentorshipStatus to, MentorshipClosing closing, ExpectedVersion expected) {
        Optional<Mentorship> found = involving(id);
        found.ifPresent(m -> {
            requireMayMove(m, to);
            expected.check("Mentorship", id, m.version);
            if (!m.status.next().contains(to)) {
                throw ProblemException.conflict("mentorship " + id + " is " + m.status.code + "; it cannot become " + to.code
                        + (m.status.next().isEmpty() ? "" : " (next: " + String.join(" or ", m.status.next().stream().map(s -> s.code).sorted().toList()) + ")"));
            }
            var side = to == MentorshipStatus.COMPLETED ? writeClosing(m, closing) : null;
            var now = Instant.now();
            switch (to) {
                case ACCEPTED, DECLINED -> m.respondedAt = m.respondedAt == null ? now : m.respondedAt;
                case ACTIVE -> m.startedAt = now;
                case COMPLETED -> m.completedAt = now;
                default -> throw new IllegalStateException("no step to " + to);
            }
            if (m.status.holdsCapacity() && !to.holdsCapacity()) {
                leaders.releaseMentee(m.mentorId);
            }
            var before = m.status.code;
            m.status = to;
            Mentorship.getEntityManager().flush();
            audit.record(to.code, "mentorship", id, Map.of("status", before), closingAudit(Map.of("status", to.code), side));
            if (to == MentorshipStatus.ACCEPTED) {
                // from here each side sees the other's contact details
                audit.record("contact-disclosed", "mentorship", id, null, Map.of("mentor", m.mentorId, "learner", m.learnerId));
            }
            if (to == MentorshipStatus.ACCEPTED || to == MentorshipStatus.DECLINED) {
                notices.mentorshipAnswered(id, m.mentorId, m.learnerId, to == MentorshipStatus.ACCEPTED);
            }
            if (to == MentorshipStatus.COMPLETED) {
                completions.fire(new MentorshipCompleted(m.id, m.mentorId, m.learnerId, m.completedAt));
            }
            LOG.infof("Mentorship %d is now %s", id, to.code);
        });
        return found.map(this::view);
    }

    /**
     * Adds or changes the caller's own closing words on a completed mentorship (the side that did not
     * complete it writes theirs this way). Empty when it does not exist.
     */
    public Optional<MentorshipView> close(long id, MentorshipClosing closing, ExpectedVersion expected) {
        Optional<Mentorship> found = involving(id);
        found.ifPresent(m -> {
            expected.check("Mentorship", id, m.version);
            if (m.status != MentorshipStatus.COMPLETED) {
                throw ProblemException.conflict("mentorship " + id + " is " + m.status.code + "; closing notes are written once it is completed");
            }
            if (closing == null || closing.writesNothing()) {
                throw ProblemException.invalid(Violation.body("mentorNote", "send your note (mentorNote, or learnerNote and learnerWouldRecommend)"));
            }
            var side = writeClosing(m, closing);
            Mentorship.getEntityManager().flush();
            audit.record("closing-note", "mentorship", id, null, closingAudit(Map.of(), side));
        });
        return found.map(this::view);
    }

    /**
     * Writes the closing words of one side, the caller's own or, for staff, the side named in
     * onBehalfOf; anything of the other side's is refused before anything is written. Returns who
     * wrote for which side, for the audit trail; null when nothing was written.
     */
    private ClosingSide writeClosing(Mentorship m, MentorshipClosing closing) {
        if (closing == null || closing.writesNothing()) {
            return null;
        }
        var side = closingSide(m, closing.onBehalfOf());
        var violations = new ArrayList<Violation>();
        if (MentorshipClosing.MENTOR.equals(side.side())) {
            if (closing.learnerNote() != null) {
                violations.add(Violation.body("learnerNote", "only the learner writes the learner's note"));
            }
            if (closing.learnerWouldRecommend() != null) {
                violations.add(Violation.body("learnerWouldRecommend", "only the learner says whether they would recommend the mentor"));
            }
        } else if (closing.mentorNote() != null) {
            violations.add(Violation.body("mentorNote", "only the mentor writes the mentor's note"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (MentorshipClosing.MENTOR.equals(side.side())) {
            m.mentorNote = closing.mentorNote();
        } else {
            m.learnerNote = closing.learnerNote() != null ? closing.learnerNote() : m.learnerNote;
            m.learnerWouldRecommend = closing.learnerWouldRecommend() != null ? closing.learnerWouldRecommend() : m.learnerWouldRecommend;
        }
        return side;
    }

    /** The side whose words these are, and whether staff wrote them for that person. */
    private record ClosingSide(String side, long leaderId, boolean onBehalf) {
    }

    private ClosingSide closingSide(Mentorship m, String onBehalfOf) {
        String own = user.isLeader(m.mentorId) ? MentorshipClosing.MENTOR : user.isLeader(m.learnerId) ? MentorshipClosing.LEARNER : null;
        if (onBehalfOf == null || onBehalfOf.equals(own)) {
            if (own == null) {
                throw ProblemException.invalid(Violation.body("onBehalfOf", "say whose closing words you write, the mentor's or the learner's",
                        List.of(MentorshipClosing.MENTOR, MentorshipClosing.LEARNER)));
            }
            return new ClosingSide(own, leaderOf(m, own), false);
        }
        if (!user.isStaff()) {
            throw ProblemException.forbidden("each side writes only its own closing words; programme staff and admins may write for someone");
        }
        return new ClosingSide(onBehalfOf, leaderOf(m, onBehalfOf), true);
    }

    private static long leaderOf(Mentorship m, String side) {
        return MentorshipClosing.MENTOR.equals(side) ? m.mentorId : m.learnerId;
    }

    private static Map<String, Object> closingAudit(Map<String, Object> base, ClosingSide side) {
        var entry = new HashMap<String, Object>(base);
        if (side != null) {
            entry.put("closingBy", side.side());
            if (side.onBehalf()) {
                entry.put("onBehalfOf", Map.of("side", side.side(), "leaderId", side.leaderId()));
            }
        }
        return entry;
    }

    /**
     * Expires every proposal made before the cutoff that its mentor has not answered, and gives the
     * mentors their places back. One conditional UPDATE claims the rows: a copy running at the same
     * time waits for it, finds them no longer proposed and skips them, so no place is freed twice.
     */
    @SuppressWarnings("unchecked")
    public int expireUnanswered(Instant cutoff) {
        List<Object[]> expired = Mentorship.getEntityManager().createNativeQuery("""
                update mentorship set status = 'expired', responded_at = now(), version = version + 1
                 where status = 'proposed' and proposed_at < :cutoff
                returning id, mentor_id, learner_id""")
                .setParameter("cutoff", cutoff)
                .getResultList();
        for (var row : expired) {
            long id = ((Number) row[0]).longValue();
            long mentorId = ((Number) row[1]).longValue();
            leaders.releaseMentee(mentorId);
            audit.record("expire", "mentorship", id, Map.of("status", MentorshipStatus.PROPOSED.code),
                    Map.of("status", MentorshipStatus.EXPIRED.code, "proposedBefore", cutoff.toString()));
            notices.mentorshipExpired(id, mentorId, ((Number) row[2]).longValue());
        }
        if (!expired.isEmpty()) {
            LOG.infof("Expired %d proposals unanswered since %s; their mentors' places are free again", expired.size(), cutoff);
        }
        return expired.size();
    }

    /** A withdrawn request lets its proposed and accepted mentors go; an active mentorship runs its course. */
    @Transactional(TxType.MANDATORY)
    void onRequestWithdrawn(@Observes LearningRequestWithdrawn withdrawn) {
        for (var m : Mentorship.liveOfRequest(withdrawn.requestId())) {
            if (m.status != MentorshipStatus.ACTIVE) {
                m.status = MentorshipStatus.DECLINED;
                m.respondedAt = Instant.now();
                leaders.releaseMentee(m.mentorId);
            }
        }
    }

    /** Before a learner is deleted (their mentorships go with them), their mentors get their places back. */
    void onLeaderRemoved(@Observes LeaderRemoved removed) {
        List<Mentorship> held = Mentorship.list("learnerId = ?1 and mentorId <> ?1", removed.leaderId());
        held.stream().filter(m -> m.status.holdsCapacity()).forEach(m -> leaders.releaseMentee(m.mentorId));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<MentorshipView> find(long id) {
        return involving(id).map(this::view);
    }

    /** A mentorship the caller may see: one they are mentor or learner in, or any for staff. */
    private Optional<Mentorship> involving(long id) {
        return Mentorship.<Mentorship>findByIdOptional(id)
                .filter(m -> user.isStaff() || user.isLeader(m.mentorId) || user.isLeader(m.learnerId));
    }

    /** The mentor answers a proposal; either side (or staff) starts and completes; staff may also decline. */
    private void requireMayMove(Mentorship m, MentorshipStatus to) {
        boolean mentor = user.isLeader(m.mentorId);
        boolean allowed = switch (to) {
            case ACCEPTED -> mentor || user.has(Roles.ADMIN);
            case DECLINED -> mentor || user.isStaff();
            default -> mentor || user.isLeader(m.learnerId) || user.isStaff();
        };
        if (!allowed) {
            throw ProblemException.forbidden("only the mentor answers a proposal");
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Page<MentorshipView> list(Long mentorId, Long learnerId, Long requestId, String status, PageRequest paging) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (!user.isStaff()) {
            where.add("(mentorId = :self or learnerId = :self)");
            params.put("self", user.leaderId().orElse(-1L));
        }
        if (mentorId != null) {
            where.add("mentorId = :mentor");
            params.put("mentor", mentorId);
        }
        if (learnerId != null) {
            where.add("learnerId = :learner");
            params.put("learner", learnerId);
        }
        if (requestId != null) {
            where.add("requestId = :request");
            params.put("request", requestId);
        }
        if (status != null) {
            var parsed = MentorshipStatus.fromCode(status).orElseThrow(() -> ProblemException.invalid(
                    new Violation("status", "query", "is not a mentorship status", MentorshipStatus.codes())));
            where.add("status = :status");
            params.put("status", parsed);
        }
        var query = where.isEmpty() ? Mentorship.<Mentorship>findAll(Sort.by("id"))
                : Mentorship.<Mentorship>find(String.join(" and ", where), Sort.by("id"), params);
        var page = query.page(paging.page(), paging.size());
        return Page.of(page.list(), paging, page.count()).map(this::view);
    }

    /** How many mentorships each of these leaders completed as mentor, whoever asks (for the track record). */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Long> completedAsMentor(Collection<Long> mentorIds) {
        if (mentorIds.isEmpty()) {
            return Map.of();
        }
        return Mentorship.getEntityManager().createQuery("select m.mentorId, count(m) from Mentorship m where m.mentorId in ?1 "
                + "and m.status = ?2 group by m.mentorId", Object[].class)
                .setParameter(1, mentorIds).setParameter(2, MentorshipStatus.COMPLETED).getResultList().stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    private MentorshipView view(Mentorship m) {
        return new MentorshipView(m.id, m.version, m.requestId, person(m.mentorId), person(m.learnerId), m.score, List.copyOf(m.reasons),
                m.status.code, m.proposedAt, m.respondedAt, m.startedAt, m.completedAt, m.mentorNote, m.learnerNote,
                m.learnerWouldRecommend, m.cohortMatchId, otherSidesContact(m));
    }

    /** Once the mentor accepted, the mentor and the learner each see the other's contact details. */
    private Contact otherSidesContact(Mentorship m) {
        boolean accepted = m.status == MentorshipStatus.ACCEPTED || m.status == MentorshipStatus.ACTIVE || m.status == MentorshipStatus.COMPLETED;
        if (!accepted || !user.inRequest()) {
            return null;
        }
        if (user.isLeader(m.learnerId)) {
            return leaders.contact(m.mentorId).orElse(null);
        }
        return user.isLeader(m.mentorId) ? leaders.contact(m.learnerId).orElse(null) : null;
    }

    private MentorshipView.Person person(long leaderId) {
        return new MentorshipView.Person(leaderId, leaders.find(leaderId).map(l -> l.name()).orElse(null));
    }
}
