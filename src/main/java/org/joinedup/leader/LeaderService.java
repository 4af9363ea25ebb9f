package org.joinedup.leader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import io.quarkus.panache.common.Sort;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.recognition.Recognition;
import org.joinedup.recognition.Recognitions;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.vocabulary.Geography;

/** Creates, changes and removes leaders; the only writer of the leader table. */
@ApplicationScoped
@Transactional
public class LeaderService {

    private static final Logger LOG = Logger.getLogger(LeaderService.class);

    @Inject
    LeaderRules rules;

    @Inject
    Geography geography;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    Event<LeaderChanged> changes;

    @Inject
    Event<LeadersChanged> batchChanges;

    @Inject
    Event<LeaderRemoved> removals;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    Recognitions recognitions;

    public LeaderView create(LeaderInput input) {
        rules.check(input);
        var leader = new Leader();
        apply(input, leader);
        leader.persist();
        changes.fire(new LeaderChanged(leader.id, leader.revision));
        audit.record("create", "leader", leader.id, null, view(leader));
        LOG.infof("Created leader %d", leader.id);
        return viewForCaller(leader);
    }

    public Optional<LeaderView> update(long id, LeaderInput input, ExpectedVersion expected) {
        Optional<Leader> found = Leader.<Leader>findByIdOptional(id).filter(this::visible);
        found.ifPresent(leader -> {
            requireEditFor(leader);
            expected.check("Leader", id, leader.version);
            rules.check(input);
            if (!user.mayActFor(id)) {
                ownerOnly(input, leader);
            }
            boolean illustrative = leader.illustrative;
            var before = view(leader);
            var contactBefore = contactOf(leader);
            apply(input, leader);
            if (!user.isStaff()) {
                // "made up for the demo" is the import's and staff's to say: a leader or delegate neither sets nor clears it
                if (input.illustrative() != null && input.illustrative() != illustrative) {
                    throw ProblemException.forbidden(Violation.body("illustrative", "only programme staff or an admin mark a profile illustrative"));
                }
                leader.illustrative = illustrative;
            }
            if (before.equals(view(leader)) && contactBefore.equals(contactOf(leader))) {
                // a PUT of what was read changes nothing, so nothing is written: no new version, audit entry or reindex
                Leader.getEntityManager().refresh(leader);
                return;
            }
            markChanged(id);
            audit.record("update", "leader", id, before, view(leader));
        });
        return found.map(this::viewForCaller);
    }

    /** Pauses no further ahead than this: a longer absence is better said by not being willing to mentor. */
    public static final int PAUSE_MAX_YEARS = 2;

    /**
     * Pauses the leader as a mentor until a day after today (UTC) and at most {@value #PAUSE_MAX_YEARS} years
     * ahead, replacing any pause: the leader, their delegates, programme staff and admins. Matching and
     * search's mentoring=available leave them out until that day, with nothing to run when it comes.
     */
    public Optional<LeaderView> pause(long id, PauseInput input, ExpectedVersion expected) {
        var today = MentoringOffer.today();
        if (!input.until().isAfter(today)) {
            throw ProblemException.invalid(Violation.body("until", "must be after today (" + today + "); to end a pause, remove it"));
        }
        if (input.until().isAfter(today.plusYears(PAUSE_MAX_YEARS))) {
            throw ProblemException.invalid(Violation.body("until", "must be at most " + PAUSE_MAX_YEARS + " years ahead ("
                    + today.plusYears(PAUSE_MAX_YEARS) + ")"));
        }
        var reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        return changePause(id, expected, "pause", input.until(), reason);
    }

    /** Ends the leader's pause now (nothing changes when none runs); the same callers as {@link #pause}. */
    public Optional<LeaderView> endPause(long id, ExpectedVersion expected) {
        return changePause(id, expected, "end-pause", null, null);
    }

    private Optional<LeaderView> changePause(long id, ExpectedVersion expected, String action, LocalDate until, String reason) {
        // locked, so that the same pause sent eight times at once is one change and seven that find it made, not seven lost races
        Optional<Leader> found = Leader.<Leader>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(this::visible);
        found.ifPresent(leader -> {
            // programme staff may pause anyone (they run the matching); everyone else as for editing the offer
            if (!user.isStaff()) {
                requireEditFor(leader);
            }
            expected.check("Leader", id, leader.version);
            var before = view(leader);
            var stored = new Object[] { leader.mentoring.pausedUntil, leader.mentoring.pauseReason };
            leader.mentoring.pausedUntil = until;
            leader.mentoring.pauseReason = reason;
            if (Arrays.equals(stored, new Object[] { until, reason })) {
                Leader.getEntityManager().refresh(leader);
                return;
            }
            markChanged(id);
            audit.record(action, "leader", id, before, view(leader));
        });
        return found.map(this::viewForCaller);
    }

    /** Those of the leaders who are paused today, with the day each pause ends, read from the database (the index may lag). */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<Long, LocalDate> pausedUntil(Collection<Long> ids) {
        var paused = new HashMap<Long, LocalDate>();
        if (ids.isEmpty()) {
            return paused;
        }
        List<Object[]> rows = Leader.getEntityManager().createNativeQuery(
                "select id, mentoring_paused_until from leader where id = any(:ids) and mentoring_paused_until > :today")
                .setParameter("ids", ids.toArray(Long[]::new)).setParameter("today", MentoringOffer.today()).getResultList();
        rows.forEach(r -> paused.put(((Number) r[0]).longValue(), r[1] instanceof Date date ? date.toLocalDate() : (LocalDate) r[1]));
        return paused;
    }

    /** A leader as an import gives it: the id the imported list gives them and their fields. */
    public record ImportedLeader(String externalId, LeaderInput input) {
    }

    /**
     * What an import did to one leader: its id, and whether it was created or changed (neither: unchanged), or
     * kept as it is because the leader has claimed it.
     */
    public record ImportResult(String externalId, long id, boolean created, boolean changed, boolean kept) {
    }

    /** What the rules say of a leader an import would write (field shapes are the caller's to check first); empty when it may. */
    @Transactional(TxType.SUPPORTS)
    public List<Violation> problems(LeaderInput input) {
        try {
            rules.check(input);
            return List.of();
        } catch (ProblemException e) {
            return e.problem().violations();
        }
    }

    /** The ids of the leaders these external ids name, those that exist. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Long> idsByExternalId(Collection<String> externalIds) {
        var ids = new HashMap<String, Long>();
        if (!externalIds.isEmpty()) {
            Leader.getEntityManager().createQuery("select externalId, id from Leader where externalId in :ids", Object[].class)
                    .setParameter("ids", externalIds).getResultList()
                    .forEach(row -> ids.put((String) row[0], (Long) row[1]));
        }
        return ids;
    }

    /**
     * Creates or changes, by external id, the leaders of one batch of an import, in the caller's
     * transaction, with the same rules and audit as one at a time ({@code actor} names who imported
     * them from which file). A leader whose fields are what is stored is left alone, and so is a
     * leader who has claimed their profile: from then on it is theirs (visibility and contact
     * above all), and an old file sent again must not undo what they changed. The caller
     * marks the leaders it changed (or whose records it changed) with {@link #markChanged(Collection)}
     * once per batch, so a leader with many records is indexed once.
     */
    @Transactional(TxType.MANDATORY)
    public List<ImportResult> importLeaders(List<ImportedLeader> batch, String actor) {
        var existing = new HashMap<String, Leader>();
        if (!batch.isEmpty()) {
            Leader.<Leader>list("externalId in ?1", batch.stream().map(ImportedLeader::externalId).toList())
                    .forEach(leader -> existing.put(leader.externalId, leader));
        }
        var claimed = Account.leadersWithAccounts(existing.values().stream().map(l -> l.id).toList());
        var results = new ArrayList<ImportResult>();
        for (var item : batch) {
            rules.check(item.input());
            var leader = existing.get(item.externalId());
            if (leader != null && claimed.contains(leader.id)) {
                results.add(new ImportResult(item.externalId(), leader.id, false, false, true));
                continue;
            }
            if (leader == null) {
                leader = new Leader();
                leader.externalId = item.externalId();
                apply(item.input(), leader);
                leader.persist();
                audit.recordAs(actor, "create", "leader", leader.id, null, view(leader));
                results.add(new ImportResult(item.externalId(), leader.id, true, true, false));
                continue;
            }
            var before = view(leader);
            var contactBefore = contactOf(leader);
            apply(item.input(), leader);
            boolean changed = !before.equals(view(leader)) || !contactBefore.equals(contactOf(leader));
            if (changed) {
                audit.recordAs(actor, "update", "leader", leader.id, before, view(leader));
            } else {
                // as update() refreshes: apply() writes every field, which Hibernate's dirty tracking takes as a
                // change; let go of the leader so an unchanged row is not written (no new version, no updated_at)
                Leader.getEntityManager().detach(leader);
            }
            results.add(new ImportResult(item.externalId(), leader.id, false, changed, false));
        }
        return results;
    }

    /**
     * A leader an import creates, checked by the same rules and filled as {@link #importLeaders}
     * would, but not written: the import writes its new leaders as batched plain inserts
     * (org.joinedup.importing), which is many times faster than an entity each. The caller gives
     * the id and timestamps, then takes {@link #auditView} for the audit entry.
     */
    @Transactional(TxType.SUPPORTS)
    public Leader prepareImported(ImportedLeader item) {
        rules.check(item.input());
        var leader = new Leader();
        leader.externalId = item.externalId();
        apply(item.input(), leader);
        return leader;
    }

    /** A leader as the audit trail keeps them (as {@link #importLeaders} records a creation). */
    @Transactional(TxType.SUPPORTS)
    public LeaderView auditView(Leader leader) {
        return view(leader);
    }

    /** {@link #markChanged(long)} for many leaders at once: one statement, and one for their search outbox rows ({@link LeadersChanged}). */
    @Transactional(TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void markChanged(Collection<Long> leaderIds) {
        if (leaderIds.isEmpty()) {
            return;
        }
        Leader.getEntityManager().flush();
        List<Object[]> rows = Leader.getEntityManager()
                .createNativeQuery("update leader set revision = revision + 1 where id = any(:ids) returning id, revision")
                .setParameter("ids", leaderIds.stream().distinct().toArray(Long[]::new))
                .getResultList();
        batchChanges.fire(new LeadersChanged(rows.stream().map(row -> new LeaderChanged(((Number) row[0]).longValue(), ((Number) row[1]).longValue())).toList()));
    }

    /** False when there is no such leader, or none this caller may see. */
    public boolean delete(long id, ExpectedVersion expected) {
        Optional<Leader> found = Leader.<Leader>findByIdOptional(id).filter(this::visible);
        if (found.isEmpty()) {
            return false;
        }
        requireActFor(found.get());
        expected.check("Leader", id, found.get().version);
        audit.record("delete", "leader", id, view(found.get()), null);
        // first let other features let go of the leader (mentorships free their mentors' places)
        removals.fire(new LeaderRemoved(id));
        // bump first, so the removal has a revision above every indexed version of the leader
        markChanged(id);
        Leader.deleteById(id);
        LOG.infof("Deleted leader %d with their records", id);
        return true;
    }

    /** Any leader, whoever asks: for other features' rules, never for showing to a caller. */
    @Transactional(TxType.SUPPORTS)
    public Optional<LeaderView> find(long id) {
        return Leader.<Leader>findByIdOptional(id).map(this::view);
    }

    /** A leader as the caller may see them; empty when there is none or it is hidden from them. */
    @Transactional(TxType.SUPPORTS)
    public Optional<LeaderView> findForCaller(long id) {
        return Leader.<Leader>findByIdOptional(id).filter(this::visible).map(this::viewForCaller);
    }

    /**
     * The names of those of these leaders the caller may see, by id, in one query (outside a request,
     * as when indexing, of all of them): for features that name leaders beside what they show.
     */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, String> namesForCaller(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        boolean inRequest = user.inRequest();
        return Leader.<Leader>list("id in ?1", ids).stream().filter(leader -> !inRequest || visible(leader))
                .collect(Collectors.toMap(leader -> leader.id, leader -> leader.name));
    }

    /** Whether the caller may see this leader (for features showing things that belong to one). */
    @Transactional(TxType.SUPPORTS)
    public boolean visibleToCaller(long id) {
        return Leader.<Leader>findByIdOptional(id).filter(this::visible).isPresent();
    }

    /**
     * 403 when the caller may see the leader but not act for them as the leader would; features call
     * it before something only the leader (or an admin) does: removing what belongs to a leader.
     */
    @Transactional(TxType.SUPPORTS)
    public void requireActFor(long leaderId) {
        Leader.<Leader>findByIdOptional(leaderId).ifPresent(this::requireActFor);
    }

    /** As {@link #requireActFor(long)}, but a delegate of the leader passes too: creating and changing their records. */
    @Transactional(TxType.SUPPORTS)
    public void requireEditFor(long leaderId) {
        Leader.<Leader>findByIdOptional(leaderId).ifPresent(this::requireEditFor);
    }

    /** The leader's own organisation (a code), for corroboration's rule that it is not a partner's word. */
    @Transactional(TxType.SUPPORTS)
    public Optional<String> organisationCode(long leaderId) {
        return Leader.<Leader>findByIdOptional(leaderId).map(leader -> leader.organisationCode);
    }

    /** The leader's contact details, for an introduction or mentorship they accepted; audited by the caller. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Contact> contact(long id) {
        return Leader.<Leader>findByIdOptional(id).map(LeaderService::contactOf);
    }

    private boolean visible(Leader leader) {
        return user.maySee(leader.id, leader.visibility.code);
    }

    private void requireActFor(Leader leader) {
        if (!user.mayActFor(leader.id)) {
            throw ProblemException.forbidden("only " + leader.name + " (or an admin) can change this");
        }
    }

    private void requireEditFor(Leader leader) {
        if (!user.mayEditFor(leader.id)) {
            throw ProblemException.forbidden("only " + leader.name + " (their delegates, or an admin) can change this");
        }
    }

    /**
     * What a delegate may not change: who sees the profile, and contact details, which they are not
     * shown. Any contact in a delegate's body is refused, even the stored one, so that a guess can
     * never be checked against it.
     */
    private static void ownerOnly(LeaderInput input, Leader leader) {
        if (input.contact() != null) {
            throw ProblemException.forbidden(Violation.body("contact", "only " + leader.name + " (or an admin) changes their contact details"));
        }
        var visibility = input.visibility() == null ? Visibility.REGISTERED : Visibility.fromCode(input.visibility()).orElse(null);
        if (visibility != leader.visibility) {
            throw ProblemException.forbidden(Violation.body("visibility", "only " + leader.name + " (or an admin) changes who sees their profile"));
        }
    }

    private LeaderView viewForCaller(Leader leader) {
        return ProfileAudience.of(user, leader.id).show(view(leader, recognitions.of(leader.id)), contactOf(leader));
    }

    private static Contact contactOf(Leader leader) {
        return new Contact(leader.contactEmail, leader.contactPhone);
    }

    @Transactional(TxType.SUPPORTS)
    public boolean exists(long id) {
        return Leader.count("id", id) > 0;
    }

    /** How many leaders there are, whoever may see them (what a rebuild of the index loads; callable from any thread). */
    @Transactional(TxType.REQUIRED)
    public long count() {
        return Leader.count();
    }

    @Transactional(TxType.SUPPORTS)
    public Page<LeaderView> list(PageRequest paging) {
        var query = user.isStaff() ? Leader.<Leader>findAll(Sort.by("id"))
                : Leader.<Leader>find("visibility in ?1 or id = ?2", Sort.by("id"),
                        user.visibleLevels().stream().map(code -> Visibility.fromCode(code).orElseThrow()).toList(),
                        user.leaderId().orElse(-1L));
        var page = query.page(paging.page(), paging.size());
        return Page.of(page.list(), paging, page.count()).map(this::viewForCaller);
    }

    /**
     * Records that a leader's searchable state changed (their profile or any of their records), in
     * the caller's transaction. The bulk update does not touch the optimistic-lock version, so
     * editing a record never makes a profile edit stale.
     */
    @Transactional(TxType.MANDATORY)
    public void markChanged(long leaderId) {
        // flush first: a pending profile change must pass its optimistic-lock check before the bump
        Leader.getEntityManager().flush();
        var revision = (Number) Leader.getEntityManager()
                .createNativeQuery("update leader set revision = revision + 1 where id = :id returning revision")
                .setParameter("id", leaderId)
                .getSingleResult();
        changes.fire(new LeaderChanged(leaderId, revision.longValue()));
    }

    /**
     * Takes one place of a mentor's capacity, atomically: the row update both checks and counts,
     * so concurrent proposals for the same mentor can never go past their capacity.
     */
    @Transactional(TxType.MANDATORY)
    public void reserveMentee(long mentorId) {
        int updated = Leader.getEntityManager().createNativeQuery("""
                update leader set mentoring_active = mentoring_active + 1
                 where id = :id and mentoring_willing and mentoring_active < mentoring_capacity
                   and (mentoring_paused_until is null or mentoring_paused_until <= :today)""")
                .setParameter("id", mentorId).setParameter("today", MentoringOffer.today()).executeUpdate();
        if (updated == 0) {
            throw ProblemException.conflict("leader " + mentorId + " is not taking mentees (not willing, or paused) or has no capacity left");
        }
        markChanged(mentorId);
    }

    @Transactional(TxType.MANDATORY)
    public void releaseMentee(long mentorId) {
        int updated = Leader.getEntityManager().createNativeQuery(
                "update leader set mentoring_active = greatest(0, mentoring_active - 1) where id = :id")
                .setParameter("id", mentorId).executeUpdate();
        if (updated > 0) {
            markChanged(mentorId);
        }
    }

    /** Places left per mentor among the given leaders (willing ones only; 0 when full), read from the database. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<Long, Integer> capacityLeft(Collection<Long> ids) {
        var room = new HashMap<Long, Integer>();
        if (ids.isEmpty()) {
            return room;
        }
        List<Object[]> rows = Leader.getEntityManager().createNativeQuery("""
                select id, greatest(0, mentoring_capacity - mentoring_active) from leader
                 where id = any(:ids) and mentoring_willing""")
                .setParameter("ids", ids.toArray(Long[]::new)).getResultList();
        rows.forEach(r -> room.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return room;
    }

    /** Those of the ids that are leaders. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Set<Long> existing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Number> rows = Leader.getEntityManager().createNativeQuery("select id from leader where id = any(:ids)")
                .setParameter("ids", ids.toArray(Long[]::new)).getResultList();
        return rows.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    /** Current state of the given leaders, for indexing; missing ids are simply absent. */
    @Transactional(TxType.SUPPORTS)
    public List<LeaderState> states(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Leader.<Leader>list("id in ?1", Sort.by("id"), ids).stream()
                .map(leader -> new LeaderState(view(leader), leader.revision))
                .toList();
    }

    /** Every leader id after {@code afterId} with its revision, in id order, a batch at a time (callable from any thread). */
    @Transactional(TxType.REQUIRED)
    public List<LeaderRevision> revisionsAfter(long afterId, int limit) {
        return Leader.getEntityManager()
                .createQuery("select new org.joinedup.leader.LeaderRevision(id, revision) from Leader where id > :after order by id",
                        LeaderRevision.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    private void apply(LeaderInput input, Leader leader) {
        leader.name = input.name().strip();
        leader.currentRole = input.currentRole();
        leader.organisationCode = input.organisation() == null || input.organisation().isBlank() ? null : input.organisation().strip();
        leader.doingNow = input.doingNow();
        leader.doingNowAsOf = input.doingNowAsOf();
        leader.homeAreaCode = input.homeArea();
        leader.sector = input.sector();
        leader.visibility = input.visibility() == null ? Visibility.REGISTERED : Visibility.fromCode(input.visibility()).orElseThrow();
        leader.illustrative = Boolean.TRUE.equals(input.illustrative());
        var offer = input.mentoring();
        leader.mentoring.willing = offer != null && offer.willing();
        leader.mentoring.capacity = offer == null ? 0 : offer.capacity();
        leader.mentoring.formats = offer == null || offer.formats() == null ? new ArrayList<>() : new ArrayList<>(offer.formats());
        leader.mentoring.trained = offer != null && offer.trained();
        leader.mentoring.conflicts = offer == null || offer.conflicts() == null ? new ArrayList<>()
                : new ArrayList<>(offer.conflicts().stream().map(String::strip).distinct().toList());
        // no contact in the body keeps the stored one: a client that was not shown it cannot wipe it
        if (input.contact() != null) {
            leader.contactEmail = input.contact().email();
            leader.contactPhone = input.contact().phone();
        }
    }

    /** The profile alone, without recognitions (which are the rounds', not the profile's): audit entries, the index, other features. */
    private LeaderView view(Leader leader) {
        return view(leader, List.of());
    }

    private LeaderView view(Leader leader, List<Recognition> recognised) {
        return LeaderView.of(leader, geography.describe(leader.homeAreaCode).orElse(null), organisations.find(leader.organisationCode).orElse(null),
                recognised);
    }
}
