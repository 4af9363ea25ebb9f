package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.SignedInAccount;

/**
 * Nomination rounds: staff open and change them; who sees one depends on its phase, which follows
 * from its dates (today in Europe/London) and from when it was closed and published.
 */
@ApplicationScoped
@Transactional
public class RoundService {

    static final String AUDITED = "nomination-round";
    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    static final int MAX_NAME = 200;
    static final int MAX_QUESTION = 500;
    static final int MAX_CRITERIA = 20;
    static final int MAX_JUDGES = 100;
    static final int MAX_SELECT = 500;
    /** Dates further than this from today are typing mistakes, not plans. */
    static final int MAX_YEARS_AWAY = 5;

    @Inject
    DefaultCriteria defaults;

    @Inject
    CurrentUser user;

    @Inject
    SignedInAccount accounts;

    @Inject
    AuditTrail audit;

    static LocalDate today() {
        return LocalDate.now(ENGLAND);
    }

    public RoundView create(RoundInput input) {
        var round = new NominationRound();
        apply(input, round, null);
        round.createdByAccountId = accounts.current().map(SignedInAccount.Identity::id).orElse(null);
        round.persistAndFlush();
        NominationRound.getEntityManager().refresh(round); // created_at is the database's
        var view = view(round);
        audit.record("create", AUDITED, round.id, null, view);
        return view;
    }

    /**
     * Criteria and judges change only while SCHEDULED; dates may move a round on but never back out
     * of its phase; a closed or published round does not change here at all. The same round sent
     * again changes nothing, as for a matching profile.
     */
    public Optional<RoundView> update(long id, RoundInput input, ExpectedVersion expected) {
        Optional<NominationRound> found = NominationRound.<NominationRound>findByIdOptional(id);
        found.ifPresent(round -> {
            expected.check("Round", id, round.version);
            var before = view(round);
            apply(input, round, round.phase(today()));
            NominationRound.getEntityManager().flush();
            var after = view(round);
            // the same round again (a GET PUT back, a retry): Hibernate saw nothing dirty, so no new version and no audit entry
            if (!after.equals(before)) {
                audit.record("update", AUDITED, id, before, after);
            }
        });
        return found.map(this::view);
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<RoundView> find(long id) {
        return visible(id).map(this::view);
    }

    /** The round if the caller may see it (see {@link #maySee}); empty otherwise, as if there were none. */
    @Transactional(TxType.SUPPORTS)
    public Optional<NominationRound> visible(long id) {
        return NominationRound.<NominationRound>findByIdOptional(id).filter(this::maySee);
    }

    /**
     * Staff see every round; a judge the rounds they judge; a signed-in account the rounds taking
     * nominations; the public those taking nominations from the public; and, once a round is
     * published, whoever may see its list.
     */
    boolean maySee(NominationRound round) {
        if (user.isStaff()) {
            return true;
        }
        var me = accounts.current();
        if (me.isPresent() && round.isJudge(me.get().id())) {
            return true;
        }
        if (round.publishedAt != null && NominationRound.listShownTo(round.listVisibility, me.isPresent(), false)) {
            return true;
        }
        return round.phase(today()) == RoundPhase.NOMINATING && (me.isPresent() || NominationRound.NOMINATORS_PUBLIC.equals(round.nominators));
    }

    /** The rounds the caller may see ({@link #maySee}), newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<RoundView> list(PageRequest paging) {
        var today = today();
        var nominating = "(r.closedAt is null and r.publishedAt is null and r.nominationsOpenOn <= :today and r.nominationsCloseOn >= :today)";
        String where;
        Map<String, Object> params;
        if (user.isStaff()) {
            where = "1 = 1";
            params = Map.of();
        } else {
            var me = accounts.current();
            var published = "(r.publishedAt is not null and r.listVisibility in :lists)";
            var lists = NominationRound.listsShownTo(me.isPresent(), false);
            if (me.isPresent()) {
                where = nominating + " or " + published + " or r.id in (select r2.id from NominationRound r2 join r2.judges j where j.accountId = :me)";
                params = Map.of("today", today, "me", me.get().id(), "lists", lists);
            } else {
                where = "(" + nominating + " and r.nominators = :public) or " + published;
                params = Map.of("today", today, "public", NominationRound.NOMINATORS_PUBLIC, "lists", lists);
            }
        }
        var query = NominationRound.<NominationRound>find("from NominationRound r where " + where + " order by r.id desc", params);
        var items = query.page(paging.page(), paging.size()).list().stream().map(this::view).toList();
        return Page.of(items, paging, query.count());
    }

    /** Checks everything, reports every problem at once, and only then changes the round. */
    private void apply(RoundInput input, NominationRound round, RoundPhase phase) {
        var violations = new ArrayList<Violation>();
        var name = text("name", input.name(), MAX_NAME, violations);
        var question = text("question", input.question(), MAX_QUESTION, violations);
        var criteria = input.criteria() == null ? (phase == null ? defaults.criteria() : round.criteria) : criteria(input.criteria(), violations);
        var judges = judges(input.judges(), violations);
        checkCounts(input, violations);
        checkDates(input, violations);
        if (input.nominators() == null || !NominationRound.NOMINATORS.contains(input.nominators())) {
            violations.add(Violation.body("nominators", "must be signed-in or public", NominationRound.NOMINATORS));
        }
        if (input.listVisibility() == null || !NominationRound.LIST_VISIBILITIES.contains(input.listVisibility())) {
            violations.add(Violation.body("listVisibility", "must be public, signed-in or programme", NominationRound.LIST_VISIBILITIES));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (phase != null) {
            refuseLateChanges(round, phase, input, criteria, judges);
        }
        round.name = name;
        round.question = question;
        round.nominationsOpenOn = input.nominationsOpenOn();
        round.nominationsCloseOn = input.nominationsCloseOn();
        round.judgingCloseOn = input.judgingCloseOn();
        round.selectCount = input.selectCount();
        round.rankCount = input.rankCount();
        round.nominators = input.nominators();
        round.listVisibility = input.listVisibility();
        if (!sameCriteria(round.criteria, criteria)) {
            round.criteria.clear();
            round.criteria.addAll(criteria);
        }
        var judgeIds = round.judges.stream().map(j -> j.accountId).collect(Collectors.toSet());
        if (!judgeIds.equals(judges)) {
            round.judges.removeIf(j -> !judges.contains(j.accountId));
            judges.stream().filter(j -> !judgeIds.contains(j)).forEach(j -> round.judges.add(new RoundJudge(j)));
        }
    }

    /** 409s for what a round's phase no longer allows. */
    private static void refuseLateChanges(NominationRound round, RoundPhase phase, RoundInput input, List<RoundCriterion> criteria, Set<Long> judges) {
        if (phase == RoundPhase.CLOSED || phase == RoundPhase.PUBLISHED) {
            throw ProblemException.conflict("round " + round.id + " is " + phase.code() + ": it no longer changes");
        }
        var judgeIds = round.judges.stream().map(j -> j.accountId).collect(Collectors.toSet());
        if (phase != RoundPhase.SCHEDULED && !sameCriteria(round.criteria, criteria)) {
            throw ProblemException.conflict("round " + round.id + " is " + phase.code()
                    + ": its criteria are fixed once nominations open (nominations give reasons against them)");
        }
        if (phase != RoundPhase.SCHEDULED && !judgeIds.equals(judges)) {
            throw ProblemException.conflict("round " + round.id + " is " + phase.code() + ": its judges are fixed once nominations open");
        }
        var probe = new NominationRound();
        probe.nominationsOpenOn = input.nominationsOpenOn();
        probe.nominationsCloseOn = input.nominationsCloseOn();
        var after = probe.phase(today());
        if (after.compareTo(phase) < 0) {
            throw ProblemException.conflict("round " + round.id + " is " + phase.code() + " and these dates would put it back to "
                    + after.code() + "; a round's dates may move it on, never back");
        }
    }

    private static boolean sameCriteria(List<RoundCriterion> a, List<RoundCriterion> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            var x = a.get(i);
            var y = b.get(i);
            if (!x.code.equals(y.code) || !x.name.equals(y.name) || !x.description.equals(y.description)) {
                return false;
            }
        }
        return true;
    }

    private static String text(String field, String value, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.body(field, "is required"));
            return null;
        }
        var stripped = value.strip();
        if (stripped.length() > max) {
            violations.add(Violation.body(field, "must be at most " + max + " characters"));
        }
        return stripped;
    }

    private static List<RoundCriterion> criteria(List<RoundInput.CriterionInput> given, List<Violation> violations) {
        if (given.isEmpty() || given.size() > MAX_CRITERIA) {
            violations.add(Violation.body("criteria", "must list 1 to " + MAX_CRITERIA + " criteria (leave it out for the default six)"));
            return List.of();
        }
        var criteria = new ArrayList<RoundCriterion>();
        var codes = new HashSet<String>();
        for (int i = 0; i < given.size(); i++) {
            var c = given.get(i);
            var at = "criteria[" + i + "]";
            if (c == null) {
                violations.add(Violation.body(at, "is required: code, name and description"));
                continue;
            }
            if (c.code() == null || !DefaultCriteria.CODE.matcher(c.code()).matches()) {
                violations.add(Violation.body(at + ".code", "must be 1 to 40 lower-case letters, digits and hyphens, starting with a letter"));
            } else if (!codes.add(c.code())) {
                violations.add(Violation.body(at + ".code", "'" + c.code() + "' is named twice"));
            }
            var name = text(at + ".name", c.name(), DefaultCriteria.MAX_NAME, violations);
            var description = text(at + ".description", c.description(), DefaultCriteria.MAX_DESCRIPTION, violations);
            criteria.add(new RoundCriterion(c.code(), name, description));
        }
        return criteria;
    }

    /** Existing, enabled accounts, each once. */
    private static Set<Long> judges(List<Long> given, List<Violation> violations) {
        var judges = new LinkedHashSet<Long>();
        if (given == null || given.isEmpty()) {
            violations.add(Violation.body("judges", "must name at least one judge (account ids)"));
            return judges;
        }
        if (given.size() > MAX_JUDGES) {
            violations.add(Violation.body("judges", "must name at most " + MAX_JUDGES + " judges"));
            return judges;
        }
        for (int i = 0; i < given.size(); i++) {
            var id = given.get(i);
            Account account = id == null ? null : Account.findById(id);
            if (account == null || account.disabledAt != null) {
                violations.add(Violation.body("judges[" + i + "]", "is not an enabled account"));
            } else if (!judges.add(id)) {
                violations.add(Violation.body("judges[" + i + "]", "names account " + id + " twice"));
            }
        }
        return judges;
    }

    private static void checkCounts(RoundInput input, List<Violation> violations) {
        var select = input.selectCount();
        if (select == null || select < 1 || select > MAX_SELECT) {
            violations.add(Violation.body("selectCount", "must be a whole number from 1 to " + MAX_SELECT));
        }
        var rank = input.rankCount();
        if (rank == null || rank < 0) {
            violations.add(Violation.body("rankCount", "must be a whole number, 0 or more"));
        } else if (select != null && rank > select) {
            violations.add(Violation.body("rankCount", "must not be more than selectCount (" + select + ")"));
        }
    }

    private static void checkDates(RoundInput input, List<Violation> violations) {
        var earliest = today().minusYears(MAX_YEARS_AWAY);
        var latest = today().plusYears(MAX_YEARS_AWAY);
        var named = new String[] { "nominationsOpenOn", "nominationsCloseOn", "judgingCloseOn" };
        var dates = new LocalDate[] { input.nominationsOpenOn(), input.nominationsCloseOn(), input.judgingCloseOn() };
        boolean allThere = true;
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] == null) {
                violations.add(Violation.body(named[i], "is required, e.g. 2027-01-04"));
                allThere = false;
            } else if (dates[i].isBefore(earliest) || dates[i].isAfter(latest)) {
                violations.add(Violation.body(named[i], "must be within " + MAX_YEARS_AWAY + " years of today"));
                allThere = false;
            }
        }
        if (!allThere) {
            return;
        }
        if (dates[1].isBefore(dates[0])) {
            violations.add(Violation.body("nominationsCloseOn", "must not be before nominationsOpenOn (" + dates[0] + ")"));
        }
        if (dates[2].isBefore(dates[1])) {
            violations.add(Violation.body("judgingCloseOn", "must not be before nominationsCloseOn (" + dates[1] + ")"));
        }
    }

    RoundView view(NominationRound round) {
        var me = accounts.current().map(SignedInAccount.Identity::id).orElse(null);
        boolean showJudges = user.isStaff() || me != null && round.isJudge(me);
        var judges = !showJudges ? List.<RoundView.JudgeView>of() : round.judges.stream().map(j -> j.accountId).sorted()
                .map(id -> new RoundView.JudgeView(id, nameOf(Account.findById(id)))).toList();
        var criteria = round.criteria.stream().map(c -> new RoundView.CriterionView(c.code, c.name, c.description)).toList();
        return new RoundView(round.id, round.version, round.name, round.question, criteria, round.nominationsOpenOn, round.nominationsCloseOn,
                round.judgingCloseOn, round.selectCount, round.rankCount, judges, round.nominators, round.listVisibility,
                round.phase(today()).code(), round.createdAt, round.closedAt, round.publishedAt);
    }

    private static String nameOf(Account account) {
        if (account == null) {
            return null;
        }
        return account.fullName == null || account.fullName.isBlank() ? account.username : account.fullName.strip();
    }
}
