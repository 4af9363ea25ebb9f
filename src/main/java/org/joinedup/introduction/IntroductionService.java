package org.joinedup.introduction;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.leader.LeaderService;
import org.joinedup.notification.Notices;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.TransactionLocks;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;

/** Introductions: asked by anyone signed in, answered by the leader; the only way to a leader's contact details. */
@ApplicationScoped
@Transactional
public class IntroductionService {

    /** The space of the lock on one account's asks of one leader. */
    private static final int ASK_LOCK = 0x494e54; // "INT"

    @Inject
    LeaderService leaders;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    Notices notices;

    public IntroductionView ask(IntroductionInput input) {
        // a hidden leader and a missing one get the same answer
        if (!leaders.visibleToCaller(input.leaderId())) {
            throw ProblemException.invalid(Violation.body("leaderId", "there is no leader " + input.leaderId() + " you can see"));
        }
        if (user.isLeader(input.leaderId())) {
            throw ProblemException.invalid(Violation.body("leaderId", "is you"));
        }
        lockAsksOf(user.name(), input.leaderId());
        boolean pending = Introduction.count("requester = ?1 and leaderId = ?2 and status = ?3", user.name(), input.leaderId(),
                Introduction.REQUESTED) > 0;
        if (pending) {
            throw ProblemException.conflict("you have already asked for an introduction to leader " + input.leaderId());
        }
        var introduction = new Introduction();
        introduction.requester = user.name();
        introduction.leaderId = input.leaderId();
        introduction.message = input.message();
        introduction.persist();
        var view = view(introduction);
        audit.record("introduction-requested", "introduction", introduction.id, null, view);
        notices.introductionAsked(introduction.id, introduction.leaderId, introduction.requester);
        return view;
    }

    /** One account's asks of one leader take turns until the transaction ends, so eight at once make one introduction and seven 409s. */
    private static void lockAsksOf(String requester, long leaderId) {
        TransactionLocks.hold(Introduction.getEntityManager(), ASK_LOCK, (requester + "/" + leaderId).hashCode());
    }

    /** The leader answers; 403 for the requester, hidden from everyone else. */
    public Optional<IntroductionView> answer(long id, boolean accept, ExpectedVersion expected) {
        Optional<Introduction> found = involving(id);
        found.ifPresent(introduction -> {
            if (!user.isLeader(introduction.leaderId)) {
                throw ProblemException.forbidden("only the leader asked for answers an introduction");
            }
            expected.check("Introduction", id, introduction.version);
            if (!Introduction.REQUESTED.equals(introduction.status)) {
                throw ProblemException.conflict("introduction " + id + " was already " + introduction.status);
            }
            introduction.status = accept ? Introduction.ACCEPTED : Introduction.DECLINED;
            introduction.answeredAt = Instant.now();
            Introduction.getEntityManager().flush();
            audit.record("introduction-" + introduction.status, "introduction", id, null, Map.of("status", introduction.status));
            if (accept) {
                audit.record("contact-disclosed", "introduction", id, null,
                        Map.of("leader", introduction.leaderId, "to", introduction.requester));
            }
            notices.introductionAnswered(id, introduction.leaderId, introduction.requester, accept);
        });
        return found.map(this::view);
    }

    /**
     * Expires every introduction asked before the cutoff that its leader has not answered, and tells
     * each requester. One conditional UPDATE claims the rows, so a copy running at the same time
     * finds them no longer requested and each expires once.
     */
    @SuppressWarnings("unchecked")
    @Transactional(TxType.REQUIRED)
    public int expireUnanswered(Instant cutoff) {
        List<Object[]> expired = Introduction.getEntityManager().createNativeQuery("""
                update introduction set status = 'expired', answered_at = now(), version = version + 1
                 where status = 'requested' and created_at < :cutoff
                returning id, leader_id, requester""")
                .setParameter("cutoff", cutoff)
                .getResultList();
        for (var row : expired) {
            long id = ((Number) row[0]).longValue();
            audit.record("introduction-expired", "introduction", id, Map.of("status", Introduction.REQUESTED),
                    Map.of("status", Introduction.EXPIRED, "askedBefore", cutoff.toString()));
            notices.introductionExpired(id, ((Number) row[1]).longValue(), (String) row[2]);
        }
        return expired.size();
    }

    /** Erasure: introductions asked of the leader and those their account asked for go; returns their ids. */
    @Transactional(TxType.MANDATORY)
    public List<Long> eraseInvolving(long leaderId, String username) {
        List<Introduction> involving = Introduction.list("leaderId = ?1 or requester = ?2", leaderId, username == null ? "" : username);
        involving.forEach(Introduction::delete);
        return involving.stream().map(i -> i.id).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<IntroductionView> find(long id) {
        return involving(id).map(this::view);
    }

    /** Introductions the caller asked for or was asked for (staff see all). */
    @Transactional(TxType.SUPPORTS)
    public Page<IntroductionView> mine(PageRequest paging) {
        var query = user.isStaff() ? Introduction.<Introduction>findAll(Sort.by("id"))
                : Introduction.<Introduction>find("requester = ?1 or leaderId = ?2", Sort.by("id"), user.name(), user.leaderId().orElse(-1L));
        var page = query.page(paging.page(), paging.size());
        return Page.of(page.list(), paging, page.count()).map(this::view);
    }

    private Optional<Introduction> involving(long id) {
        return Introduction.<Introduction>findByIdOptional(id)
                .filter(i -> user.isStaff() || user.name().equals(i.requester) || user.isLeader(i.leaderId));
    }

    private IntroductionView view(Introduction i) {
        var contact = Introduction.ACCEPTED.equals(i.status) && user.name().equals(i.requester)
                ? leaders.contact(i.leaderId).orElse(null) : null;
        return new IntroductionView(i.id, i.version, i.requester, i.leaderId, leaders.find(i.leaderId).map(l -> l.name()).orElse(null),
                i.message, i.status, i.createdAt, i.answeredAt, contact);
    }
}
