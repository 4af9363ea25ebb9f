package org.joinedup.matching;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.vocabulary.GeoPoint;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/** Creates, changes and withdraws learning requests; the only writer of their table. */
@ApplicationScoped
@Transactional
public class LearningRequestService {

    private static final Logger LOG = Logger.getLogger(LearningRequestService.class);

    @Inject
    LikePlaces likePlaces;

    @Inject
    LeaderService leaders;

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    @Inject
    Event<LearningRequestWithdrawn> withdrawals;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    MatchingLimits limits;

    public LearningRequestView create(LearningRequestInput input) {
        var learner = check(input);
        if (!user.isStaff() && !user.isLeader(input.learnerId())) {
            throw ProblemException.forbidden("you can ask to learn only for yourself");
        }
        LearningRequest.lockPlacesOf(input.learnerId());
        if (LearningRequest.openOf(input.learnerId()) >= limits.openRequests()) {
            throw ProblemException.conflict("leader " + input.learnerId() + " already has " + limits.openRequests()
                    + " open learning requests, the most one learner may have; withdraw one first");
        }
        var request = new LearningRequest();
        request.learnerId = input.learnerId();
        apply(input, request);
        request.persist();
        var view = view(request, learner);
        audit.record("create", "learning-request", request.id, null, view);
        LOG.infof("Leader %d asked to learn (request %d)", request.learnerId, request.id);
        return view;
    }

    public Optional<LearningRequestView> update(long id, LearningRequestInput input, ExpectedVersion expected) {
        Optional<LearningRequest> found = mine(id);
        found.ifPresent(request -> {
            expected.check("Learning request", id, request.version);
            if (!LearningRequest.OPEN.equals(request.status)) {
                throw ProblemException.conflict("learning request " + id + " is " + request.status + " and can no longer change");
            }
            if (request.learnerId != input.learnerId()) {
                throw ProblemException.invalid(Violation.body("learnerId", "cannot change; withdraw and ask again for another learner"));
            }
            check(input);
            var before = view(request);
            apply(input, request);
            LearningRequest.getEntityManager().flush();
            audit.record("update", "learning-request", id, before, view(request));
        });
        return found.map(this::view);
    }

    /** Withdraws the request and releases mentors it had proposed or accepted; empty when it does not exist. */
    public Optional<LearningRequestView> withdraw(long id, ExpectedVersion expected) {
        Optional<LearningRequest> found = mine(id);
        found.ifPresent(request -> {
            expected.check("Learning request", id, request.version);
            if (LearningRequest.OPEN.equals(request.status)) {
                request.status = LearningRequest.WITHDRAWN;
                withdrawals.fire(new LearningRequestWithdrawn(id));
                audit.record("withdraw", "learning-request", id, null, null);
                LOG.infof("Learning request %d withdrawn", id);
            }
        });
        return found.map(this::view);
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<LearningRequestView> find(long id) {
        return mine(id).map(this::view);
    }

    /** A request the caller may handle: their own, or any for programme staff and admins; others are hidden. */
    private Optional<LearningRequest> mine(long id) {
        return LearningRequest.<LearningRequest>findByIdOptional(id).filter(r -> user.isStaff() || user.isLeader(r.learnerId));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<LearningRequestView> list(Long learnerId, String status, PageRequest paging) {
        return list(learnerId, status, paging, false);
    }

    /** As {@link #list(Long, String, PageRequest)}, oldest first (the API's order) or newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<LearningRequestView> list(Long learnerId, String status, PageRequest paging, boolean newestFirst) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (!user.isStaff()) {
            // a leader sees only their own requests, whatever they filter on
            learnerId = user.leaderId().orElse(-1L);
        }
        if (learnerId != null) {
            where.add("learnerId = :learner");
            params.put("learner", learnerId);
        }
        if (status != null) {
            if (!List.of(LearningRequest.OPEN, LearningRequest.WITHDRAWN).contains(status)) {
                throw ProblemException.invalid(new Violation("status", "query", "is not a status",
                        List.of(LearningRequest.OPEN, LearningRequest.WITHDRAWN)));
            }
            where.add("status = :status");
            params.put("status", status);
        }
        var order = Sort.by("id", newestFirst ? Sort.Direction.Descending : Sort.Direction.Ascending);
        var query = where.isEmpty() ? LearningRequest.<LearningRequest>findAll(order)
                : LearningRequest.<LearningRequest>find(String.join(" and ", where), order, params);
        var page = query.page(paging.page(), paging.size());
        return Page.of(page.list(), paging, page.count()).map(this::view);
    }

    /** The open requests of these ids, in the given order; an unknown or withdrawn id is reported by position. */
    @Transactional(TxType.SUPPORTS)
    public List<LearningRequest> openRequests(List<Long> ids, String field) {
        var violations = new ArrayList<Violation>();
        var found = new ArrayList<LearningRequest>();
        var seen = new HashSet<Long>();
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            Optional<LearningRequest> request = id == null ? Optional.empty() : LearningRequest.findByIdOptional(id);
            if (request.isEmpty()) {
                violations.add(Violation.body(field + "[" + i + "]", "there is no learning request " + id));
            } else if (!LearningRequest.OPEN.equals(request.get().status)) {
                violations.add(Violation.body(field + "[" + i + "]", "learning request " + id + " is " + request.get().status));
            } else if (!seen.add(id)) {
                violations.add(Violation.body(field + "[" + i + "]", "learning request " + id + " is listed twice"));
            } else {
                found.add(request.get());
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return found;
    }

    /** What the scorer needs of an open request; empty when there is none, 409 when it was withdrawn. */
    @Transactional(TxType.SUPPORTS)
    public Optional<MatchScorer.Need> needOfOpen(long id) {
        return mine(id).map(request -> {
            if (!LearningRequest.OPEN.equals(request.status)) {
                throw ProblemException.conflict("learning request " + id + " is " + request.status);
            }
            return need(request);
        });
    }

    /** The programme a request the caller may handle is made under (null for none, or when there is no such request). */
    @Transactional(TxType.SUPPORTS)
    public String programmeOf(long id) {
        return mine(id).map(r -> r.programme).orElse(null);
    }

    /** What the scorer needs of a request, with the learner's organisation and conflicts. */
    @Transactional(TxType.SUPPORTS)
    public MatchScorer.Need need(LearningRequest request) {
        return need(request, leaders.find(request.learnerId).orElseThrow());
    }

    /** The needs of many requests, their learners read in one query. */
    @Transactional(TxType.SUPPORTS)
    public List<MatchScorer.Need> needs(List<LearningRequest> requests) {
        var learners = leaders.states(requests.stream().map(r -> r.learnerId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.leader().id(), s -> s.leader()));
        return requests.stream().map(r -> need(r, learners.get(r.learnerId))).toList();
    }

    private MatchScorer.Need need(LearningRequest request, LeaderView learner) {
        var area = geography.find(request.areaCode).orElseThrow();
        var location = area.latitude() == null ? null : new GeoPoint(area.latitude(), area.longitude());
        return new MatchScorer.Need(request.learnerId, learner.organisation() == null ? null : learner.organisation().code(),
                learner.organisation() == null ? null : learner.organisation().name(), learner.mentoring().conflicts(),
                new LinkedHashSet<>(request.services), new LinkedHashSet<>(request.approaches), request.scope,
                new LinkedHashSet<>(request.formats), location, area.name(),
                geography.describe(request.areaCode).map(p -> p.region() == null ? null : p.region().code()).orElse(null), request.need, Map.of(),
                likePlaces.of(request.areaCode));
    }

    private LeaderView check(LearningRequestInput input) {
        var violations = new ArrayList<Violation>();
        // a hidden leader and a missing one get the same answer
        var learner = leaders.visibleToCaller(input.learnerId()) ? leaders.find(input.learnerId()) : Optional.<LeaderView>empty();
        if (learner.isEmpty()) {
            violations.add(Violation.body("learnerId", "there is no leader " + input.learnerId()));
        }
        geography.checkWorkArea("area", input.area(), violations);
        vocabularies.get(VocabularyKind.SERVICES).checkAll("services", input.services(), violations);
        vocabularies.get(VocabularyKind.APPROACHES).checkAll("approaches", input.approaches(), violations);
        if (input.scope() != null) {
            vocabularies.get(VocabularyKind.SCOPES).check("scope", input.scope(), violations);
        }
        vocabularies.get(VocabularyKind.MENTORING_FORMATS).checkAll("formats", input.formats(), violations);
        if (input.programme() != null) {
            vocabularies.get(VocabularyKind.PROGRAMMES).check("programme", input.programme(), violations);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return learner.get();
    }

    private static void apply(LearningRequestInput input, LearningRequest request) {
        request.areaCode = input.area();
        request.services = new ArrayList<>(input.services().stream().distinct().toList());
        request.approaches = input.approaches() == null ? new ArrayList<>() : new ArrayList<>(input.approaches().stream().distinct().toList());
        request.scope = input.scope();
        request.formats = input.formats() == null ? new ArrayList<>() : new ArrayList<>(input.formats().stream().distinct().toList());
        request.need = input.need();
        request.programme = input.programme();
    }

    private LearningRequestView view(LearningRequest request) {
        return view(request, leaders.find(request.learnerId).orElse(null));
    }

    private LearningRequestView view(LearningRequest r, LeaderView learner) {
        return new LearningRequestView(r.id, r.version, r.learnerId, learner == null ? null : learner.name(),
                geography.describe(r.areaCode).orElse(null), List.copyOf(r.services), List.copyOf(r.approaches), r.scope,
                List.copyOf(r.formats), r.need, r.status, r.createdAt, r.updatedAt, r.programme);
    }
}
