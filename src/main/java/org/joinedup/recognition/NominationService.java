package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.joinedup.account.Addresses;
import org.joinedup.account.InviteeAddresses;
import org.joinedup.account.InvitationService;
import org.joinedup.followup.FollowUpService;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.leader.LeaderInput;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.OneLine;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.SignedInAccount;

/**
 * Nominations: made while a round is nominating, one per nominator per nominee; read, grouped by
 * nominee with the evidence of their records, by staff and (from judging on) the round's judges.
 */
@ApplicationScoped
@Transactional
public class NominationService {

    static final String AUDITED = "nomination";
    static final int MAX_REASON = 2000;
    static final int MAX_RECORDS = 20;
    static final int MAX_NAME = 200;
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+";

    @Inject
    RoundService rounds;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    FollowUpService followUps;

    @Inject
    InvitationService invitations;

    @Inject
    InviteeAddresses addresses;

    @Inject
    SignedInAccount accounts;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    /** What the audit trail keeps of a nomination: ids and codes, not the words (they are about a person). */
    public record Audited(long roundId, long nomineeLeaderId, Set<String> criteria, Set<Long> recordIds) {
    }

    /** Empty when the round is not there for the caller; every refusal of the body is reported at once. */
    public Optional<NominationView> nominate(long roundId, NominationInput input) {
        var found = rounds.visible(roundId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var round = found.get();
        var phase = round.phase(RoundService.today());
        if (phase != RoundPhase.NOMINATING) {
            throw ProblemException.conflict("round " + roundId + " is " + phase.code() + ": nominations are taken from "
                    + round.nominationsOpenOn + " to " + round.nominationsCloseOn);
        }
        var me = accounts.current().orElseThrow(() -> ProblemException.forbidden("a nomination is made by an account; sign in with one"));
        if (input.nominatorEmail() != null) {
            throw ProblemException.invalid(Violation.body("nominatorEmail", "is for nominating without signing in: signed in, you nominate as "
                    + "your account; leave it out"));
        }
        var nominee = input.nominee();
        var violations = new ArrayList<Violation>();
        if (nominee == null || (nominee.leaderId() == null) == (nominee.name() == null && nominee.email() == null)) {
            violations.add(Violation.body("nominee", "must be a leader ({\"leaderId\": 12}) or a person not yet in the registry "
                    + "({\"name\", \"email\", \"homeArea\"}), not both"));
        } else if (nominee.leaderId() != null) {
            if (!leaders.visibleToCaller(nominee.leaderId())) {
                throw ProblemException.notFound("Leader", nominee.leaderId());
            }
            Account account = Account.findById(me.id());
            if (account != null && account.leaderId != null && account.leaderId.equals(nominee.leaderId())) {
                violations.add(Violation.body("nominee.leaderId", "is you: a leader cannot nominate themselves"));
            }
        } else {
            checkNewPerson(nominee, violations);
        }
        var reasons = reasons(round, input.reasons(), violations);
        Set<Long> published = nominee == null || nominee.leaderId() == null ? Set.of()
                : records.recordsOfLeaders(List.of(nominee.leaderId())).getOrDefault(nominee.leaderId(), List.of()).stream()
                        .map(RecordView::id).collect(Collectors.toSet());
        var recordIds = recordIds(input.recordIds(), published, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        boolean someoneNew = nominee.leaderId() == null;
        long nomineeId = someoneNew ? addOrFind(nominee, me, round) : nominee.leaderId();
        // someone new is not named by id: the nominator may not see the leader (see view)
        var whom = someoneNew ? "this person" : "leader " + nomineeId;
        if (Nomination.count("roundId = ?1 and nominatorAccountId = ?2 and nomineeLeaderId = ?3", roundId, me.id(), nomineeId) > 0) {
            throw alreadyNominated(whom);
        }
        var nomination = new Nomination();
        nomination.roundId = roundId;
        nomination.nomineeLeaderId = nomineeId;
        nomination.nomineeName = someoneNew ? nominee.name().strip() : null;
        nomination.nominatorAccountId = me.id();
        nomination.reasons.putAll(reasons);
        nomination.recordIds.addAll(recordIds);
        try {
            nomination.persist();
            Nomination.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                // a copy of this request got there first: the unique index keeps one per nominator and nominee
                throw alreadyNominated(whom);
            }
            throw e;
        }
        Nomination.getEntityManager().refresh(nomination);
        audit.record("nominate", AUDITED, nomination.id, null, audited(nomination));
        return Optional.of(view(nomination, round));
    }

    private static ProblemException alreadyNominated(String whom) {
        return ProblemException.conflict("you have nominated " + whom + " in this round already; withdraw that nomination to make another");
    }

    private static void checkNewPerson(NominationInput.Nominee nominee, List<Violation> violations) {
        if (nominee.name() == null || nominee.name().isBlank() || nominee.name().strip().length() > MAX_NAME) {
            violations.add(Violation.body("nominee.name", "is required for a person not in the registry, at most " + MAX_NAME + " characters"));
        } else {
            // the name is said in the invitation mailed to the address given, so it may not add lines of its own
            OneLine.check("nominee.name", nominee.name(), MAX_NAME, violations);
        }
        if (nominee.email() == null || nominee.email().strip().length() > 254 || !nominee.email().strip().matches(EMAIL)) {
            violations.add(Violation.body("nominee.email", "is required for a person not in the registry: a mail address such as name@trust.nhs.uk"));
        }
        if (nominee.homeArea() == null || nominee.homeArea().isBlank()) {
            violations.add(Violation.body("nominee.homeArea", "is required for a person not in the registry: the council or ICB they work in"));
        }
        // a leader's role is at most this long however they are added (LeaderInput's limit is not checked on this path)
        OneLine.check("nominee.currentRole", nominee.currentRole(), MAX_NAME, violations);
    }

    /**
     * A person not in the registry: added as a leader seen by programme staff only, and invited to
     * claim the profile the way staff invite people (a one-time link by mail). If an earlier nomination
     * added them at this address and they have no account yet, it is that leader: nobody is added
     * twice, and they are mailed again only once their invitation has run out.
     */
    private long addOrFind(NominationInput.Nominee nominee, SignedInAccount.Identity me, NominationRound round) {
        String address;
        try {
            address = Addresses.normalise("email", nominee.email());
        } catch (ProblemException e) {
            throw renamed(e, "nominee.");
        }
        addresses.lock(address);
        var invitedBy = me.username() + " (nominated them)";
        var why = "You have been nominated in \"" + round.name + "\", a nomination round in JoinedUp, so a profile was made for you: it is seen"
                + " by programme staff only until you claim it.";
        var waiting = addresses.waitingLeader(address);
        if (waiting.isPresent()) {
            try {
                invitations.inviteUnlessPending(waiting.get(), address, invitedBy, why);
            } catch (ProblemException e) {
                throw renamed(e, "nominee.");
            }
            return waiting.get();
        }
        if (!user.isStaff()) {
            // each new person is a leader and a mail to an address the nominator typed: bounded with co-leaders named by address
            addresses.requireRoomToAdd(me.username());
        }
        var input = new LeaderInput(nominee.name().strip(), blankToNull(nominee.currentRole()), null, null, null, nominee.homeArea().strip(), null,
                null, "programme", new LeaderInput.ContactInput(nominee.email().strip(), null), null, null);
        LeaderView created;
        try {
            created = leaders.create(input);
        } catch (ProblemException e) {
            throw renamed(e, "nominee.");
        }
        try {
            invitations.invite(created.id(), address, invitedBy, why);
        } catch (ProblemException e) {
            throw renamed(e, "nominee.");
        }
        addresses.record(address, created.id(), me.username());
        return created.id();
    }

    /** The same refusal with its fields named inside the nominee. */
    private static ProblemException renamed(ProblemException e, String prefix) {
        var violations = e.problem().violations();
        if (e.problem().status() != 400 || violations == null || violations.isEmpty()) {
            return e;
        }
        return ProblemException.invalid(violations.stream().map(v -> new Violation(prefix + v.field(), v.in(), v.message(), v.allowed())).toList());
    }

    static Map<String, String> reasons(NominationRound round, Map<String, String> given, List<Violation> violations) {
        var reasons = new TreeMap<String, String>();
        var codes = round.criteria.stream().map(c -> c.code).toList();
        if (given == null || given.isEmpty()) {
            violations.add(Violation.body("reasons", "must give at least one reason, by criterion code", codes));
            return reasons;
        }
        given.forEach((code, text) -> {
            var at = "reasons." + (code.length() > 60 ? code.substring(0, 60) + "…" : code);
            if (round.criterion(code).isEmpty()) {
                violations.add(Violation.body(at, "is not a criterion of this round", codes));
            } else if (text == null || text.isBlank()) {
                violations.add(Violation.body(at, "must not be empty (leave the criterion out instead)"));
            } else if (text.strip().length() > MAX_REASON) {
                violations.add(Violation.body(at, "must be at most " + MAX_REASON + " characters"));
            } else {
                reasons.put(code, text.strip());
            }
        });
        return reasons;
    }

    /** Each must be one of the nominee's published records, named once. */
    static Set<Long> recordIds(List<Long> given, Set<Long> published, List<Violation> violations) {
        var ids = new LinkedHashSet<Long>();
        if (given == null) {
            return ids;
        }
        if (given.size() > MAX_RECORDS) {
            violations.add(Violation.body("recordIds", "must name at most " + MAX_RECORDS + " records"));
            return ids;
        }
        for (int i = 0; i < given.size(); i++) {
            var id = given.get(i);
            if (id == null || !published.contains(id)) {
                violations.add(Violation.body("recordIds[" + i + "]", "is not a published record of the nominee"));
            } else if (!ids.add(id)) {
                violations.add(Violation.body("recordIds[" + i + "]", "names record " + id + " twice"));
            }
        }
        return ids;
    }

    /** The nominator withdraws their own nomination while the round is nominating; false when there is none of theirs. */
    public boolean withdraw(long roundId, long nominationId) {
        var me = accounts.current();
        Optional<Nomination> found = Nomination.<Nomination>findByIdOptional(nominationId)
                .filter(n -> n.roundId == roundId && me.isPresent() && me.get().id() == (n.nominatorAccountId == null ? -1 : n.nominatorAccountId));
        if (found.isEmpty()) {
            return false;
        }
        var nomination = found.get();
        var round = NominationRound.<NominationRound>findById(roundId);
        var phase = round.phase(RoundService.today());
        if (phase != RoundPhase.NOMINATING) {
            throw ProblemException.conflict("round " + roundId + " is " + phase.code() + ": a nomination is withdrawn only while nominations are taken");
        }
        var before = audited(nomination);
        nomination.delete();
        if (nomination.nomineeName != null) {
            // someone new, perhaps at a mistyped address: their invitation goes if nothing else names them
            addresses.forgetIfUnnamed(nomination.nomineeLeaderId);
        }
        audit.record("withdraw", AUDITED, nominationId, before, null);
        return true;
    }

    /** What the signed-in account has nominated, newest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<NominationView> mine(PageRequest paging) {
        var me = accounts.current().orElseThrow(() -> ProblemException.forbidden("sign in to see your nominations"));
        var query = Nomination.<Nomination>find("nominatorAccountId = ?1 order by id desc", me.id());
        var items = query.page(paging.page(), paging.size()).list().stream()
                .map(n -> view(n, NominationRound.<NominationRound>findById(n.roundId))).toList();
        return Page.of(items, paging, query.count());
    }

    /**
     * The round's nominees, most nominated first, each with their evidence and nominations. Staff
     * always; the round's judges from judging on, without who nominated. Unconfirmed public
     * nominations are left out. Empty when the round is not there for the caller.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<Page<NomineeView>> nominees(long roundId, PageRequest paging) {
        var found = rounds.visible(roundId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var round = found.get();
        boolean staff = user.isStaff();
        if (!staff) {
            var me = accounts.current();
            if (me.isEmpty() || !round.isJudge(me.get().id())) {
                throw ProblemException.forbidden("a round's nominations are for programme staff and, from judging on, its judges");
            }
            if (round.phase(RoundService.today()).compareTo(RoundPhase.JUDGING) < 0) {
                throw ProblemException.forbidden("judges see the nominations once judging starts (" + round.nominationsCloseOn.plusDays(1) + ")");
            }
        }
        var counted = "from Nomination n where n.roundId = :round and " + Nomination.COUNTS_JPQL;
        var em = Nomination.getEntityManager();
        long total = em.createQuery("select count(distinct n.nomineeLeaderId) " + counted, Long.class).setParameter("round", roundId).getSingleResult();
        List<Long> ids = em.createQuery("select n.nomineeLeaderId " + counted + " group by n.nomineeLeaderId order by count(n) desc, n.nomineeLeaderId",
                Long.class).setParameter("round", roundId).setFirstResult(paging.page() * paging.size()).setMaxResults(paging.size()).getResultList();
        if (ids.isEmpty()) {
            return Optional.of(Page.of(List.of(), paging, total));
        }
        List<Nomination> nominations = Nomination.list("from Nomination n where n.roundId = ?1 and n.nomineeLeaderId in ?2 and "
                + Nomination.COUNTS_JPQL + " order by n.id", roundId, ids);
        var byNominee = nominations.stream().collect(Collectors.groupingBy(n -> n.nomineeLeaderId));
        var recordsOf = records.recordsOfLeaders(ids);
        var tracks = followUps.trackRecords(ids);
        var items = ids.stream().map(id -> nominee(round, leaders.find(id).orElseThrow(), recordsOf.getOrDefault(id, List.of()),
                tracks.getOrDefault(id, TrackRecord.NONE), byNominee.getOrDefault(id, List.of()), staff)).toList();
        return Optional.of(Page.of(items, paging, total));
    }

    private NomineeView nominee(NominationRound round, LeaderView leader, List<RecordView> published, TrackRecord track, List<Nomination> nominations,
            boolean showNominators) {
        var byVerification = published.stream().collect(Collectors.groupingBy(r -> r.verification() == null ? "none" : r.verification(), TreeMap::new, Collectors.counting()));
        var outcomes = published.stream().flatMap(r -> r.outcomes().stream()).filter(o -> o.improved() != null).toList();
        var evidence = new NomineeView.Evidence(byVerification, outcomes.size(), outcomes.stream().filter(o -> o.improved()).count(),
                track.mentorshipsCompleted());
        var recordsById = published.stream().collect(Collectors.toMap(RecordView::id, r -> r));
        var entries = nominations.stream().map(n -> new NomineeView.Entry(n.id, showNominators ? nominatorOf(n) : null, reasons(round, n),
                n.recordIds.stream().sorted().map(recordsById::get).filter(r -> r != null).map(NominationService::linked).toList(), n.createdAt))
                .toList();
        return new NomineeView(leader.id(), leader.name(), leader.currentRole(), leader.organisation(), leader.sector(), evidence, entries);
    }

    private static NomineeView.LinkedRecord linked(RecordView r) {
        return new NomineeView.LinkedRecord(r.id(), r.title(), r.areas(), r.verification(), r.outcomes().stream()
                .map(o -> new NomineeView.Outcome(o.metric(), o.description(), o.baseline(), o.result(), o.unit(), o.improved())).toList());
    }

    private static String nominatorOf(Nomination n) {
        if (n.nominatorAccountId == null) {
            return n.nominatorEmail;
        }
        Account account = Account.findById(n.nominatorAccountId);
        return account == null ? null : account.fullName == null || account.fullName.isBlank() ? account.username : account.fullName.strip();
    }

    private static List<NominationView.Reason> reasons(NominationRound round, Nomination n) {
        // in the round's order of criteria
        return round.criteria.stream().filter(c -> n.reasons.containsKey(c.code))
                .map(c -> new NominationView.Reason(c.code, c.name, n.reasons.get(c.code))).toList();
    }

    NominationView view(Nomination n, NominationRound round) {
        // someone new seen by staff only: the nominator gets the name they gave and no id, the same answer whether they added the
        // person or an earlier nomination of the address had (an older id, or another's spelling of the name, would tell them so)
        boolean hidden = n.nomineeName != null && !leaders.visibleToCaller(n.nomineeLeaderId);
        var name = hidden ? n.nomineeName : leaders.find(n.nomineeLeaderId).map(LeaderView::name).orElse(null);
        return new NominationView(n.id, n.roundId, round.name, hidden ? null : n.nomineeLeaderId, name, reasons(round, n),
                n.recordIds.stream().sorted().toList(), n.counts(), n.createdAt);
    }

    static Audited audited(Nomination n) {
        return new Audited(n.roundId, n.nomineeLeaderId, new HashSet<>(n.reasons.keySet()), new HashSet<>(n.recordIds));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
