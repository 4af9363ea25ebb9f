package org.joinedup.integration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.account.Addresses;
import org.joinedup.account.InvitationService;
import org.joinedup.account.InviteeAddresses;
import org.joinedup.leader.LeaderInput;
import org.joinedup.leader.LeaderRemoved;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.notification.Notices;
import org.joinedup.platform.OneLine;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.SignedInAccount;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Work led together (docs/co-led-records.md): a record's owner invites co-leaders, each confirms (or
 * declines, or later leaves), and the owner may remove them. The only writer of record_co_leader.
 */
@ApplicationScoped
@Transactional
public class CoLeadService {

    private static final Logger LOG = Logger.getLogger(CoLeadService.class);
    /** Co-leaders one record may have: a leadership team, not a mailing list. */
    static final int MAX_CO_LEADERS = 20;

    @Inject
    InviteeAddresses invitees;

    @Inject
    IntegrationRecordService records;

    @Inject
    LeaderService leaders;

    @Inject
    InvitationService invitations;

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

    /**
     * Invites a co-leader: whoever may edit the record (its leader, their delegate, staff as for
     * editing records). Empty when the record is hidden from the caller; 404 for a hidden or unknown
     * leader, 400 for the owner or a bad role, 409 when invited already.
     */
    public Optional<CoLeaderView> invite(long recordId, CoLeaderInput input) {
        var found = records.visible(recordId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var record = found.get();
        leaders.requireEditFor(record.leaderId);
        checkInput(input, record);
        if (CoLeader.count("recordId", recordId) >= MAX_CO_LEADERS) {
            throw ProblemException.conflict("record " + recordId + " has " + MAX_CO_LEADERS + " co-leaders already, the most it may have");
        }
        long leaderId = input.leaderId() != null ? input.leaderId() : newLeader(input, record);
        if (CoLeader.of(recordId, leaderId).isPresent()) {
            throw ProblemException.conflict("leader " + leaderId + " is invited to this record already");
        }
        var row = new CoLeader();
        row.recordId = recordId;
        row.leaderId = leaderId;
        row.role = input.role();
        row.invitedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        row.invitedByAccountId = signedIn.current().map(SignedInAccount.Identity::id).orElse(null);
        // the unique index decides between invitations at once: the losers fail here, as 409
        row.persist();
        CoLeader.getEntityManager().flush();
        var view = view(row);
        audit.record("invite-co-leader", "record", recordId, null, view);
        notices.coLeadAsked(recordId, record.title, record.leaderId, leaderId, row.role);
        LOG.infof("Record %d: leader %d invited to have led it together", recordId, leaderId);
        return Optional.of(view);
    }

    private void checkInput(CoLeaderInput input, IntegrationRecord record) {
        var violations = new ArrayList<Violation>();
        vocabularies.get(VocabularyKind.ROLES).check("role", input.role(), violations);
        boolean person = input.name() != null || input.email() != null;
        if (input.leaderId() != null && person) {
            violations.add(Violation.body("leaderId", "give either leaderId, or name and email of a person not in the registry; not both"));
        } else if (input.leaderId() == null) {
            if (input.name() == null || input.name().isBlank()) {
                violations.add(Violation.body("name", "is required when no leaderId is given"));
            } else {
                // the name is said in the invitation mailed to the address given: one line (the page comes here without Bean Validation)
                OneLine.check("name", input.name(), 200, violations);
            }
            if (input.email() == null || input.email().isBlank()) {
                violations.add(Violation.body("email", "is required when no leaderId is given"));
            }
        } else if (input.leaderId() == record.leaderId) {
            violations.add(Violation.body("leaderId", "is the record's own leader; invite the others who led it"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (input.leaderId() != null && !leaders.visibleToCaller(input.leaderId())) {
            throw ProblemException.notFound("Leader", input.leaderId(), "leaderId");
        }
    }

    /**
     * A person not in the registry becomes a leader (in the owner's home area unless given) and is
     * invited to claim the profile. An address someone added before (named on a record or nominated)
     * finds that leader while they have no account, and is not mailed again while their link works:
     * naming one address over and over makes neither new leaders nor mail. A leader or delegate adds
     * at most {@link InviteeAddresses#NEW_PEOPLE_A_DAY} people a day; staff are not bounded.
     */
    private long newLeader(CoLeaderInput input, IntegrationRecord record) {
        var address = Addresses.normalise("email", input.email());
        invitees.lock(address);
        var owner = leaders.find(record.leaderId).orElseThrow();
        var why = owner.name() + "'s record \"" + record.title + "\" names you as having led the work with them, so you are invited to JoinedUp to confirm it.";
        var waiting = invitees.waitingLeader(address);
        if (waiting.isPresent()) {
            invitations.inviteUnlessPending(waiting.get(), address, user.name(), why);
            return waiting.get();
        }
        if (!user.isStaff()) {
            invitees.requireRoomToAdd(user.name());
        }
        var homeArea = input.homeArea() != null ? input.homeArea() : owner.homeArea().code();
        var created = leaders.create(new LeaderInput(input.name().strip(), null, null, null, null, homeArea, null, null, null,
                new LeaderInput.ContactInput(input.email(), null), null, null));
        invitations.invite(created.id(), address, user.name(), why);
        invitees.record(address, created.id(), user.name());
        return created.id();
    }

    /**
     * The record's co-leaders: all of them, waiting ones too, for whoever may edit the record and for
     * the co-leaders themselves; for anyone else the confirmed ones the caller may see. Empty when the
     * record is hidden from the caller.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<List<CoLeaderView>> of(long recordId) {
        return records.visible(recordId).map(record -> {
            var rows = CoLeader.ofRecord(recordId);
            boolean insider = user.mayEditFor(record.leaderId) || rows.stream().anyMatch(r -> user.isLeader(r.leaderId));
            return rows.stream().filter(r -> insider || r.confirmed() && leaders.visibleToCaller(r.leaderId)).map(this::view).toList();
        });
    }

    /**
     * The owner (or whoever may edit the record) removes a co-leader, or the co-leader leaves. False
     * when the record is hidden or the leader is not one of its co-leaders; 403 for anyone else.
     */
    public boolean remove(long recordId, long leaderId) {
        var record = records.visible(recordId);
        var row = record.flatMap(r -> CoLeader.of(recordId, leaderId));
        if (row.isEmpty()) {
            return false;
        }
        if (!user.isLeader(leaderId)) {
            leaders.requireEditFor(record.get().leaderId);
        }
        var before = view(row.get());
        row.get().delete();
        if (before.confirmedAt() != null) {
            leaders.markChanged(leaderId);
        } else {
            // someone named by address, perhaps mistyped: their invitation goes if nothing else names them
            invitees.forgetIfUnnamed(leaderId);
        }
        audit.record(user.isLeader(leaderId) ? "leave-co-lead" : "remove-co-leader", "record", recordId, before, null);
        return true;
    }

    /** The signed-in leader's invitations, waiting ones first, then the newest. */
    @Transactional(TxType.SUPPORTS)
    public Page<CoLeadView> mine(PageRequest paging) {
        long leaderId = ownLeader();
        var query = CoLeader.find("leaderId = ?1 order by case when confirmedAt is null then 0 else 1 end, id desc", leaderId);
        List<CoLeader> rows = query.page(paging.page(), paging.size()).list();
        Map<Long, IntegrationRecord> byId = new HashMap<>();
        if (!rows.isEmpty()) {
            IntegrationRecord.<IntegrationRecord>list("id in ?1", rows.stream().map(r -> r.recordId).toList()).forEach(r -> byId.put(r.id, r));
        }
        var views = rows.stream().map(row -> {
            var record = byId.get(row.recordId);
            var owner = leaders.find(record.leaderId).map(LeaderView::name).orElse(null);
            return new CoLeadView(row.recordId, record.title, record.leaderId, owner, row.role, row.invitedAt, row.confirmedAt);
        }).toList();
        return Page.of(views, paging, query.count());
    }

    /** The signed-in leader confirms they led the record together with its owner; 409 when confirmed already. */
    public Optional<CoLeaderView> confirm(long recordId) {
        var row = CoLeader.of(recordId, ownLeader());
        row.ifPresent(r -> {
            if (r.confirmed()) {
                throw ProblemException.conflict("you confirmed record " + recordId + " already");
            }
            r.confirmedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            leaders.markChanged(r.leaderId);
            audit.record("confirm-co-lead", "record", recordId, null, view(r));
        });
        return row.map(this::view);
    }

    /** The signed-in leader declines an invitation (or, once confirmed, leaves): their row goes. */
    public boolean decline(long recordId) {
        long leaderId = ownLeader();
        var row = CoLeader.of(recordId, leaderId);
        row.ifPresent(r -> {
            var before = view(r);
            r.delete();
            if (before.confirmedAt() != null) {
                leaders.markChanged(leaderId);
            }
            audit.record("decline-co-lead", "record", recordId, before, null);
        });
        return row.isPresent();
    }

    private long ownLeader() {
        return user.leaderId().orElseThrow(() -> ProblemException.forbidden("only a leader's own account has co-leads"));
    }

    /**
     * A co-leader who has confirmed already, as the demo data records a team's work (no invitation,
     * nobody told); audited as the system. 409 when the leader is a co-leader of the record already.
     */
    @Transactional(TxType.MANDATORY)
    public void addConfirmed(long recordId, long leaderId, String role) {
        var record = IntegrationRecord.<IntegrationRecord>findByIdOptional(recordId).orElseThrow(() -> ProblemException.notFound("Record", recordId));
        var violations = new ArrayList<Violation>();
        vocabularies.get(VocabularyKind.ROLES).check("role", role, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (record.leaderId == leaderId || CoLeader.of(recordId, leaderId).isPresent()) {
            throw ProblemException.conflict("leader " + leaderId + " leads record " + recordId + " already");
        }
        var row = new CoLeader();
        row.recordId = recordId;
        row.leaderId = leaderId;
        row.role = role;
        row.invitedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        row.confirmedAt = row.invitedAt;
        row.persist();
        leaders.markChanged(leaderId);
        audit.record("confirm-co-lead", "record", recordId, null, view(row));
    }

    /**
     * When an owner goes, their records go with them (on delete cascade), and so do the copies in
     * their co-leaders' documents: those are reindexed. A co-leader who goes takes only their rows.
     */
    void onLeaderRemoved(@Observes @Priority(Interceptor.Priority.APPLICATION) LeaderRemoved removed) {
        List<Long> coLeaders = CoLeader.getEntityManager().createQuery(
                "select distinct c.leaderId from CoLeader c, IntegrationRecord r where c.recordId = r.id and r.leaderId = ?1 "
                        + "and c.confirmedAt is not null", Long.class).setParameter(1, removed.leaderId()).getResultList();
        leaders.markChanged(coLeaders);
    }

    private CoLeaderView view(CoLeader row) {
        var name = leaders.find(row.leaderId).map(LeaderView::name).orElse(null);
        return new CoLeaderView(row.recordId, row.leaderId, name, row.role, row.invitedAt, row.confirmedAt);
    }
}
