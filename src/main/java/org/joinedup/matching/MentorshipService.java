package org.joinedup.matching;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderRemoved;
import org.joinedup.leader.LeaderService;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;

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

    public MentorshipView propose(MentorshipInput input, Long cohortMatchId) {
        Optional<LearningRequest> found = LearningRequest.findByIdOptional(input.requestId());
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
        if (!user.isStaff() && !user.isLeader(request.learnerId)) {
            throw ProblemException.forbidden("mentors are proposed by programme staff, or by the learner from their matches");
        }
        if (!LearningRequest.OPEN.equals(request.status)) {
            throw ProblemException.conflict("learning request " + request.id + " is " + request.status);
        }
        if (Mentorship.liveOfRequest(request.id).stream().anyMatch(m -> m.mentorId == input.mentorId())) {
            throw ProblemException.conflict("leader " + input.mentorId() + " is already proposed for learning request " + request.id);
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
        mentorship.persist();
        audit.record("propose", "mentorship", mentorship.id, null, view(mentorship));
        LOG.infof("Proposed mentorship %d: leader %d for request %d (score %.2f)", mentorship.id, mentorship.mentorId, request.id,
                mentorship.score);
        return view(mentorship);
    }

    /** Moves a mentorship on; an illegal step is a 409. Empty when it does not exist. */
    public Optional<MentorshipView> move(long id, MentorshipStatus to, MentorshipClosing closing) {
        Optional<Mentorship> found = involving(id);
        found.ifPresent(m -> {
            requireMayMove(m, to);
            if (!m.status.next().contains(to)) {
                throw ProblemException.conflict("mentorship " + id + " is " + m.status.code + "; it cannot become " + to.code
                        + (m.status.next().isEmpty() ? "" : " (next: " + String.join(" or ", m.status.next().stream().map(s -> s.code).sorted().toList()) + ")"));
            }
            var now = Instant.now();
            switch (to) {
                case ACCEPTED, DECLINED -> m.respondedAt = m.respondedAt == null ? now : m.respondedAt;
                case ACTIVE -> m.startedAt = now;
                case COMPLETED -> {
                    m.completedAt = now;
                    if (closing != null) {
                        m.mentorNote = closing.mentorNote();
                        m.learnerNote = closing.learnerNote();
                        m.learnerWouldRecommend = closing.learnerWouldRecommend();
                    }
                }
                default -> throw new IllegalStateException("no step to " + to);
            }
            if (m.status.holdsCapacity() && !to.holdsCapacity()) {
                leaders.releaseMentee(m.mentorId);
            }
            var before = m.status.code;
            m.status = to;
            Mentorship.getEntityManager().flush();
            audit.record(to.code, "mentorship", id, java.util.Map.of("status", before), java.util.Map.of("status", to.code));
            if (to == MentorshipStatus.ACCEPTED) {
                // from here each side sees the other's contact details
                audit.record("contact-disclosed", "mentorship", id, null, java.util.Map.of("mentor", m.mentorId, "learner", m.learnerId));
            }
            LOG.infof("Mentorship %d is now %s", id, to.code);
        });
        return found.map(this::view);
    }

    /** A withdrawn request lets its proposed and accepted mentors go; an active mentorship runs its course. */
    @Transactional(TxType.MANDATORY)
    void closeForWithdrawnRequest(long requestId) {
        for (var m : Mentorship.liveOfRequest(requestId)) {
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
            case ACCEPTED -> mentor || user.has(org.joinedup.security.Roles.ADMIN);
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

    private MentorshipView view(Mentorship m) {
        return new MentorshipView(m.id, m.version, m.requestId, person(m.mentorId), person(m.learnerId), m.score, List.copyOf(m.reasons),
                m.status.code, m.proposedAt, m.respondedAt, m.startedAt, m.completedAt, m.mentorNote, m.learnerNote,
                m.learnerWouldRecommend, m.cohortMatchId, otherSidesContact(m));
    }

    /** Once the mentor accepted, the mentor and the learner each see the other's contact details. */
    private org.joinedup.leader.Contact otherSidesContact(Mentorship m) {
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
