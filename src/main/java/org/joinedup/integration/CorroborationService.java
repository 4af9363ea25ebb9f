package org.joinedup.integration;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.notification.Notices;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.SignedInAccount;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Corroboration that is asked for, given by an account and follows the record (docs/corroboration.md):
 * the owner or programme staff ask a partner organisation; an account of it confirms or rejects
 * the record's current revision; programme staff verify it naming their programme. Every rule
 * refused is a problem+json naming the rule, and nothing is written then.
 */
@ApplicationScoped
@Transactional
public class CorroborationService {

    private static final Logger LOG = Logger.getLogger(CorroborationService.class);
    private static final List<String> DECISIONS = List.of(Endorsement.CONFIRMED, Endorsement.REJECTED);

    @Inject
    IntegrationRecordService records;

    @Inject
    LeaderService leaders;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    Vocabularies vocabularies;

    @Inject
    CurrentUser user;

    @Inject
    SignedInAccount signedIn;

    @Inject
    AuditTrail audit;

    @Inject
    Notices notices;

    /** The outcome of asking: created the first time, moved to the current revision when asked again. */
    public record Asked(CorroborationRequestView request, boolean created) {
    }

    /** The outcome of endorsing or verifying: created the first time, or a re-confirmation of an earlier revision. */
    public record Given(RecordView record, boolean created) {
    }

    /** Empty when the record does not exist or is hidden from the caller. */
    public Optional<Asked> ask(long recordId, CorroborationRequestInput input) {
        var found = records.visible(recordId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var record = found.get();
        if (!user.isStaff() && !user.isLeader(record.leaderId)) {
            throw forbidden("owner-or-staff", "only the record's leader, an admin for them, or programme staff ask for corroboration");
        }
        if (record.draft()) {
            throw conflict("draft", "record " + recordId + " is a draft: publish it before asking partners to corroborate it");
        }
        String code = input == null ? null : input.organisation();
        if (code == null || !record.partners.contains(code)) {
            throw ProblemException.invalid(Violation.body("organisation",
                    (code == null ? "is required" : "'" + code + "' is not") + " one of the record's partner organisations; "
                            + "add it as a partner first", List.copyOf(record.partners)));
        }
        if (code.equals(leaders.organisationCode(record.leaderId).orElse(null))) {
            // its accounts are refused when they answer (not a partner's word), so the ask could never be answered
            throw ProblemException.invalid(Violation.body("organisation", "'" + code + "' is the leader's own organisation, whose word is not a"
                    + " partner's; ask another partner"));
        }
        var existing = CorroborationRequest.of(recordId, code);
        var request = existing.orElseGet(CorroborationRequest::new);
        request.recordId = recordId;
        request.organisationCode = code;
        request.recordRevision = record.revision;
        request.askedBy = user.name();
        request.askedAt = now();
        // asked by an illustrative (demo) account, the request is illustrative too
        request.illustrative = signedIn.current().map(SignedInAccount.Identity::illustrative).orElse(false);
        if (existing.isEmpty()) {
            request.persist();
        }
        var view = view(request, record);
        audit.record("ask", "record", recordId, null, view);
        notices.corroborationAsked(request.id, recordId, record.title, record.leaderId, code, record.revision);
        LOG.infof("%s asked %s to corroborate record %d at revision %d", user.name(), code, recordId, record.revision);
        return Optional.of(new Asked(view, existing.isEmpty()));
    }

    /**
     * The requests of a record: all of them for its leader and staff, only their own
     * organisation's for an account of an asked organisation; 403 for anyone else.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<List<CorroborationRequestView>> requestsOf(long recordId) {
        var found = IntegrationRecord.<IntegrationRecord>findByIdOptional(recordId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var record = found.get();
        List<CorroborationRequest> requests = CorroborationRequest.list("recordId", Sort.by("askedAt").and("id"), recordId);
        if (!user.isStaff() && !user.isLeader(record.leaderId)) {
            var organisation = signedIn.current().map(SignedInAccount.Identity::organisationCode).orElse(null);
            requests = requests.stream().filter(r -> r.organisationCode.equals(organisation)).toList();
            if (requests.isEmpty()) {
                if (!records.visible(recordId).isPresent()) {
                    return Optional.empty();
                }
                throw forbidden("not-asked", "only the record's leader, programme staff and accounts of an asked organisation see its requests");
            }
        }
        return Optional.of(requests.stream().map(r -> view(r, record)).toList());
    }

    /** Requests to the caller's organisation that it has not answered for the record's current revision, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public Page<CorroborationRequestView> mine(PageRequest paging) {
        var organisation = signedIn.current().map(SignedInAccount.Identity::organisationCode).orElse(null);
        if (organisation == null) {
            return Page.of(List.of(), paging, 0);
        }
        String open = """
                from CorroborationRequest q where q.organisationCode = ?1 and not exists (
                  select 1 from Endorsement e, IntegrationRecord r where r.id = q.recordId and e.recordId = q.recordId
                   and e.organisationCode = q.organisationCode and e.legacy = false and e.recordRevision = r.revision)""";
        var query = CorroborationRequest.<CorroborationRequest>find(open + " order by q.askedAt, q.id", organisation);
        var page = query.page(paging.page(), paging.size()).list();
        Map<Long, IntegrationRecord> byId = page.isEmpty() ? Map.of()
                : IntegrationRecord.<IntegrationRecord>list("id in ?1", page.stream().map(r -> r.recordId).toList()).stream()
                        .collect(Collectors.toMap(r -> r.id, r -> r));
        return Page.of(page.stream().map(r -> view(r, byId.get(r.recordId))).toList(), paging, CorroborationRequest.count(open, organisation));
    }

    /**
     * A partner's confirmation or rejection of the record's current revision, by the signed-in
     * account of an asked partner organisation. Empty when the record does not exist.
     */
    public Optional<Given> endorse(long recordId, EndorsementInput input) {
        refuseStatedEndorser(input.endorserName(), input.endorserOrganisation(), input.endorserRole());
        checkDecision(input.decision());
        var account = signedIn.current().orElseThrow(() -> forbidden("no-account", "sign in with an account to endorse"));
        var record = lockedRecord(recordId, account);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        var r = record.get();
        if (account.organisationCode() == null) {
            throw forbidden("no-organisation", "your account belongs to no organisation, so it cannot speak for one; "
                    + "an admin or programme staff set it");
        }
        if (user.isLeader(r.leaderId)) {
            throw forbidden("own-record", "you cannot endorse a record of your own");
        }
        if (account.organisationCode().equals(leaders.organisationCode(r.leaderId).orElse(null))) {
            throw forbidden("own-organisation", "your organisation is the leader's own: that is not a partner's word");
        }
        if (!r.partners.contains(account.organisationCode())) {
            throw forbidden("not-a-partner", "your organisation (" + account.organisationCode() + ") is not a partner of this record");
        }
        if (CorroborationRequest.of(recordId, account.organisationCode()).isEmpty()) {
            throw conflict("not-asked", "your organisation has not been asked to corroborate this record; its leader or programme staff ask");
        }
        return Optional.of(give(r, account, Endorsement.ENDORSEMENT, account.organisationCode(), null, input.decision(), input.comment()));
    }

    /** Programme staff's verification of the record's current revision, naming their programme; no request needed. */
    public Optional<Given> verify(long recordId, VerificationInput input) {
        refuseStatedEndorser(input.endorserName(), input.endorserOrganisation(), input.endorserRole());
        if (!user.isStaff()) {
            throw forbidden("not-staff", "only programme staff verify records");
        }
        var violations = new ArrayList<Violation>();
        if (input.programme() == null || input.programme().isBlank()) {
            violations.add(Violation.body("programme", "is required: the programme you verify for",
                    vocabularies.get(VocabularyKind.PROGRAMMES).codes()));
        } else {
            vocabularies.get(VocabularyKind.PROGRAMMES).check("programme", input.programme(), violations);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        checkDecision(input.decision());
        var account = signedIn.current().orElseThrow(() -> forbidden("no-account", "sign in with an account to verify"));
        var record = lockedRecord(recordId, account);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (user.isLeader(record.get().leaderId)) {
            throw forbidden("own-record", "you cannot verify a record of your own");
        }
        return Optional.of(give(record.get(), account, Endorsement.VERIFICATION, null, input.programme(), input.decision(), input.comment()));
    }

    /** One assertion per account per record: a first one is added, one for an earlier revision is given again, one for this revision is 409. */
    private Given give(IntegrationRecord record, SignedInAccount.Identity account, String kind, String organisation, String programme,
            String decision, String comment) {
        var existing = Endorsement.byAccount(record.id, account.id());
        if (existing.filter(e -> e.recordRevision >= record.revision).isPresent()) {
            throw conflict("already-given", "you have already " + (Endorsement.VERIFICATION.equals(kind) ? "verified" : "endorsed")
                    + " revision " + record.revision + " of this record; it is given once per account and revision");
        }
        var endorsement = existing.orElseGet(Endorsement::new);
        var before = existing.map(e -> records.endorsementView(e, record)).orElse(null);
        endorsement.recordId = record.id;
        endorsement.accountId = account.id();
        endorsement.kind = kind;
        endorsement.organisationCode = organisation;
        endorsement.programme = programme;
        endorsement.endorserName = account.name();
        endorsement.endorserRole = account.jobTitle();
        endorsement.decision = decision;
        endorsement.comment = comment;
        endorsement.recordRevision = record.revision;
        endorsement.updatedAt = now();
        endorsement.illustrative = account.illustrative();
        try {
            if (existing.isEmpty()) {
                endorsement.persist();
            }
            Endorsement.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                // a copy of this request got there first: the unique index keeps one per account and record
                throw conflict("already-given", "this account's " + kind + " of this record was given a moment ago");
            }
            throw e;
        }
        records.restate(record);
        var after = records.endorsementView(endorsement, record);
        audit.record(Endorsement.VERIFICATION.equals(kind) ? "verify" : "endorse", "record", record.id, before, after);
        if (Endorsement.VERIFICATION.equals(kind)) {
            notices.recordVerified(record.id, record.title, record.leaderId, programme, endorsement.confirmed(), record.revision);
        } else {
            notices.recordEndorsed(record.id, record.title, record.leaderId, organisation, endorsement.confirmed(), record.revision);
        }
        LOG.infof("Record %d %s %s by account %d (%s) for revision %d; now %s", record.id, kind, decision, account.id(),
                organisation == null ? programme : organisation, record.revision, record.verification.code);
        return new Given(records.view(record), existing.isEmpty());
    }

    /**
     * The record, locked so that assertions on one record are given one at a time (eight copies of
     * one request: the first is given, the rest see it). A record hidden from the caller is found
     * only by an account of an organisation asked about it.
     */
    private Optional<IntegrationRecord> lockedRecord(long recordId, SignedInAccount.Identity account) {
        // a draft is nobody's to corroborate or verify until its leader publishes it
        return IntegrationRecord.<IntegrationRecord>findByIdOptional(recordId, LockModeType.PESSIMISTIC_WRITE)
                .filter(r -> !r.draft())
                .filter(r -> leaders.visibleToCaller(r.leaderId)
                        || account.organisationCode() != null && CorroborationRequest.of(recordId, account.organisationCode()).isPresent());
    }

    /** A body that says who the endorser is was written by someone who thinks they can choose: say so by field. */
    private static void refuseStatedEndorser(String name, String organisation, String role) {
        var violations = new ArrayList<Violation>();
        String[][] stated = { { "endorserName", name }, { "endorserOrganisation", organisation }, { "endorserRole", role } };
        for (var field : stated) {
            if (field[1] != null) {
                violations.add(Violation.body(field[0], "must not be sent: the endorser is the signed-in account, "
                        + "whose name, job title and organisation are shown"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static void checkDecision(String decision) {
        if (decision == null || !DECISIONS.contains(decision)) {
            throw ProblemException.invalid(Violation.body("decision", decision == null ? "is required" : "'" + decision + "' is not a decision",
                    DECISIONS));
        }
    }

    private CorroborationRequestView view(CorroborationRequest request, IntegrationRecord record) {
        OrganisationView organisation = organisations.find(request.organisationCode).orElse(null);
        boolean answered = Endorsement.count("recordId = ?1 and organisationCode = ?2 and legacy = false and recordRevision = ?3",
                request.recordId, request.organisationCode, record.revision) > 0;
        return new CorroborationRequestView(request.id, request.recordId, record.title, organisation, request.recordRevision,
                request.recordRevision == record.revision, answered, request.askedBy, request.askedAt, request.illustrative);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException forbidden(String rule, String detail) {
        return new ProblemException(Problem.of("corroboration/" + rule, "Forbidden", 403, detail));
    }

    private static ProblemException conflict(String rule, String detail) {
        return new ProblemException(Problem.of("corroboration/" + rule, "Conflict", 409, detail));
    }
}
