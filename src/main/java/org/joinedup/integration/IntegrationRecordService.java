package org.joinedup.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.SignedInAccount;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.PlaceView;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/** Creates, changes and removes integration records; with CorroborationService, the only writer of their tables. */
@ApplicationScoped
@Transactional
public class IntegrationRecordService {

    private static final Logger LOG = Logger.getLogger(IntegrationRecordService.class);
    static final String ERASED_ENDORSER = "(erased)";

    @Inject
    RecordRules rules;

    @Inject
    LeaderService leaders;

    @Inject
    Geography geography;

    @Inject
    Vocabularies vocabularies;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    SignedInAccount signedIn;

    /** Empty when the leader does not exist or is hidden from the caller; 403 for someone else's leader. */
    public Optional<RecordView> create(long leaderId, RecordInput input) {
        return create(leaderId, input, null);
    }

    /** As {@link #create(long, RecordInput)}, for a record imported from the named list (the demo data). */
    public Optional<RecordView> create(long leaderId, RecordInput input, String importedFrom) {
        if (!leaders.visibleToCaller(leaderId)) {
            return Optional.empty();
        }
        leaders.requireEditFor(leaderId);
        rules.check(input);
        var record = new IntegrationRecord();
        record.leaderId = leaderId;
        apply(input, record);
        reportedBy(record, importedFrom);
        record.verificationSince = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record.persist();
        leaders.markChanged(leaderId);
        var view = view(record, List.of());
        audit.record("create", "record", record.id, null, view);
        LOG.infof("Leader %d logged record %d", leaderId, record.id);
        return Optional.of(view);
    }

    /** The record's source: its leader, their delegate, an admin on their behalf, or an imported list (also what the system creates). */
    private void reportedBy(IntegrationRecord record, String importedFrom) {
        if (importedFrom != null || !user.inRequest()) {
            record.source = IntegrationRecord.SOURCE_IMPORT;
            record.sourceList = importedFrom == null ? "the system" : importedFrom;
        } else if (user.isDelegateOf(record.leaderId)) {
            record.source = IntegrationRecord.SOURCE_DELEGATE;
            record.reportedBy = user.name();
        } else if (!user.isLeader(record.leaderId)) {
            record.source = IntegrationRecord.SOURCE_ADMIN;
            record.reportedBy = user.name();
        }
    }

    /**
     * A material change (services, areas, scope, approaches, role, period, outcomes, partners)
     * starts a new revision, for which earlier corroboration no longer holds; a change of title or
     * summary only is marked as a wording edit; a PUT of what was read changes nothing.
     */
    public Optional<RecordView> update(long id, RecordInput input, ExpectedVersion expected) {
        Optional<IntegrationRecord> found = visible(id);
        found.ifPresent(record -> {
            leaders.requireEditFor(record.leaderId);
            expected.check("Record", id, record.version);
            if (!record.draft()) {
                // a draft is checked when it is published (see #publish), so it can be saved half done
                rules.check(input);
            }
            var before = view(record, List.of());
            var materialBefore = material(record);
            var wordingBefore = Arrays.asList(record.title, record.summary);
            apply(input, record);
            if (!material(record).equals(materialBefore)) {
                record.revision++;
                restate(record);
            } else if (!Arrays.asList(record.title, record.summary).equals(wordingBefore)) {
                record.wordingEditedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            // flush now so a concurrent change fails this request with 409 and the view shows the new version
            IntegrationRecord.getEntityManager().flush();
            var after = view(record, List.of());
            if (after.equals(before)) {
                return; // a record sent back as it is: no audit entry and nothing to index (docs/security.md)
            }
            leaders.markChanged(touching(record));
            audit.record("update", "record", id, before, after);
        });
        return found.map(this::view);
    }

    /** A record as an import gives it: the ids the imported list gives it and its leader (already written), and its fields. */
    public record ImportedRecord(String externalId, long leaderId, RecordInput input) {
    }

    /** What the rules say of a record an import would write (field shapes are the caller's to check first); empty when it may. */
    @Transactional(TxType.SUPPORTS)
    public List<Violation> problems(RecordInput input) {
        try {
            rules.check(input);
            return List.of();
        } catch (ProblemException e) {
            return e.problem().violations();
        }
    }

    /** The ids of the records these external ids name, those that exist. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Long> idsByExternalId(Collection<String> externalIds) {
        var ids = new HashMap<String, Long>();
        if (!externalIds.isEmpty()) {
            IntegrationRecord.getEntityManager()
                    .createQuery("select externalId, id from IntegrationRecord where externalId in :ids", Object[].class)
                    .setParameter("ids", externalIds).getResultList()
                    .forEach(row -> ids.put((String) row[0], (Long) row[1]));
        }
        return ids;
    }

    /** The leader each of these external record ids belongs to, for those that exist. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, Long> leadersByExternalId(Collection<String> externalIds) {
        var leaders = new HashMap<String, Long>();
        if (!externalIds.isEmpty()) {
            IntegrationRecord.getEntityManager()
                    .createQuery("select externalId, leaderId from IntegrationRecord where externalId in :ids", Object[].class)
                    .setParameter("ids", externalIds).getResultList()
                    .forEach(row -> leaders.put((String) row[0], (Long) row[1]));
        }
        return leaders;
    }

    /**
     * Creates or changes, by external id, the records of one batch of an import, in the caller's
     * transaction, with the same rules, corroboration rule and audit as one at a time; the source is
     * the imported list ({@code importedFrom}). Returns the leaders whose records changed: the caller
     * marks them changed once per batch ({@link LeaderService#markChanged(Collection)}). A record that
     * belongs to another leader than the row says is refused (the import checked this first), and one
     * of a leader who has claimed their profile is theirs and left as it is (as the leader, in
     * LeaderService.importLeaders); new records are still added.
     */
    @Transactional(TxType.MANDATORY)
    public Set<Long> importRecords(List<ImportedRecord> batch, String importedFrom, String actor, Counts counts) {
        var existing = new HashMap<String, IntegrationRecord>();
        if (!batch.isEmpty()) {
            IntegrationRecord.<IntegrationRecord>list("externalId in ?1", batch.stream().map(ImportedRecord::externalId).toList())
                    .forEach(record -> existing.put(record.externalId, record));
        }
        var claimed = Account.leadersWithAccounts(existing.values().stream().map(r -> r.leaderId).distinct().toList());
        var changedLeaders = new HashSet<Long>();
        for (var item : batch) {
            rules.check(item.input());
            var record = existing.get(item.externalId());
            if (record != null && record.leaderId == item.leaderId() && claimed.contains(record.leaderId)) {
                counts.keptByLeader++;
                continue;
            }
            if (record == null) {
                record = new IntegrationRecord();
                record.leaderId = item.leaderId();
                record.externalId = item.externalId();
                apply(item.input(), record);
                reportedBy(record, importedFrom);
                record.verificationSince = Instant.now().truncatedTo(ChronoUnit.MICROS);
                record.persist();
                audit.recordAs(actor, "create", "record", record.id, null, view(record, List.of()));
                changedLeaders.add(item.leaderId());
                counts.created++;
                continue;
            }
            if (record.leaderId != item.leaderId()) {
                throw ProblemException.conflict("record " + item.externalId() + " belongs to another leader");
            }
            var before = view(record, List.of());
            var materialBefore = material(record);
            var wordingBefore = Arrays.asList(record.title, record.summary);
            apply(item.input(), record);
            if (!material(record).equals(materialBefore)) {
                record.revision++;
                restate(record);
            } else if (!Arrays.asList(record.title, record.summary).equals(wordingBefore)) {
                record.wordingEditedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            }
            var after = view(record, List.of());
            if (after.equals(before)) {
                counts.unchanged++;
            } else {
                audit.recordAs(actor, "update", "record", record.id, before, after);
                changedLeaders.addAll(touching(record));
                counts.updated++;
            }
        }
        return changedLeaders;
    }

    /**
     * A record an import creates, checked by the same rules and filled as {@link #importRecords}
     * would (source: the imported list), but not written: the import writes its new records as
     * batched plain inserts (org.joinedup.importing), which is many times faster than an entity
     * with four element collections each. The caller gives the id and timestamps, then takes
     * {@link #auditView} for the audit entry.
     */
    @Transactional(TxType.SUPPORTS)
    public IntegrationRecord prepareImported(ImportedRecord item, String importedFrom) {
        rules.check(item.input());
        var record = new IntegrationRecord();
        record.leaderId = item.leaderId();
        record.externalId = item.externalId();
        apply(item.input(), record);
        reportedBy(record, importedFrom);
        record.verificationSince = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return record;
    }

    /** A record as the audit trail keeps it (as {@link #importRecords} records a creation). */
    @Transactional(TxType.SUPPORTS)
    public RecordView auditView(IntegrationRecord record) {
        return view(record, List.of());
    }

    /** How many records an import batch created, changed and left as they were. */
    public static final class Counts {
        public int created;
        public int updated;
        public int unchanged;
        public int keptByLeader;
    }

    /** False when there is no such record or it is hidden from the caller. */
    public boolean delete(long id, ExpectedVersion expected) {
        Optional<IntegrationRecord> found = visible(id);
        found.ifPresent(record -> {
            leaders.requireActFor(record.leaderId);
            expected.check("Record", id, record.version);
            audit.record("delete", "record", id, view(record, List.of()), null);
            // its co-leaders' documents carry it too; their rows go with it (on delete cascade)
            var touched = touching(record);
            record.delete();
            leaders.markChanged(touched);
        });
        return found.isPresent();
    }

    /** A record whose leader the caller may see; a draft only for its leader and programme staff. */
    @Transactional(TxType.SUPPORTS)
    Optional<IntegrationRecord> visible(long id) {
        return IntegrationRecord.<IntegrationRecord>findByIdOptional(id).filter(r -> leaders.visibleToCaller(r.leaderId))
                .filter(r -> !r.draft() || seesDrafts(r.leaderId));
    }

    /** Drafts are seen by their own leader and programme staff, nobody else. */
    private boolean seesDrafts(long leaderId) {
        return user.inRequest() && (user.isStaff() || user.isLeader(leaderId));
    }

    /**
     * Starts a draft record for a leader, linked to the mentor it was learned from (a follow-up
     * answer does this for the learner, who has already been checked). Not indexed, not audited
     * as published; its leader completes it and publishes it.
     */
    @Transactional(TxType.MANDATORY)
    public RecordView startDraft(long leaderId, String title, String summary, long learnedFromLeaderId, long mentorshipId) {
        var record = new IntegrationRecord();
        record.leaderId = leaderId;
        record.state = IntegrationRecord.DRAFT;
        record.title = title;
        record.summary = summary;
        record.learnedFromLeaderId = learnedFromLeaderId;
        record.learnedFromMentorshipId = mentorshipId;
        record.verificationSince = Instant.now().truncatedTo(ChronoUnit.MICROS);
        record.persist();
        var view = view(record, List.of());
        audit.record("create-draft", "record", record.id, null, view);
        LOG.infof("Leader %d started draft record %d, learned from leader %d", leaderId, record.id, learnedFromLeaderId);
        return view;
    }

    /**
     * Publishes a draft: the rules every record meets are checked now (all problems at once, each
     * naming its field); from here the record is indexed and shown like any other. 409 when it is
     * not a draft; empty when there is no such record or it is hidden from the caller.
     */
    public Optional<RecordView> publish(long id, ExpectedVersion expected) {
        Optional<IntegrationRecord> found = visible(id);
        found.ifPresent(record -> {
            leaders.requireActFor(record.leaderId);
            expected.check("Record", id, record.version);
            if (!record.draft()) {
                throw ProblemException.conflict("record " + id + " is already published");
            }
            checkComplete(record);
            rules.check(input(record));
            record.state = IntegrationRecord.PUBLISHED;
            record.verificationSince = Instant.now().truncatedTo(ChronoUnit.MICROS);
            IntegrationRecord.getEntityManager().flush();
            leaders.markChanged(touching(record));
            if (record.learnedFromLeaderId != null) {
                // the mentor's track record counts the records that came from them
                leaders.markChanged(record.learnedFromLeaderId);
            }
            audit.record("publish", "record", id, Map.of("state", IntegrationRecord.DRAFT), Map.of("state", IntegrationRecord.PUBLISHED));
        });
        return found.map(this::view);
    }

    /** What Bean Validation checks on a PUT, for a draft that may never have had one. */
    private static void checkComplete(IntegrationRecord r) {
        var violations = new ArrayList<Violation>();
        if (r.title == null || r.title.isBlank()) {
            violations.add(Violation.body("title", "is required"));
        }
        if (r.areas.isEmpty()) {
            violations.add(Violation.body("areas", "must list between 1 and 20 areas"));
        }
        if (r.services == null || r.services.isEmpty()) {
            violations.add(Violation.body("services", "must list at least two different services joined up"));
        }
        if (r.scope == null) {
            violations.add(Violation.body("scope", "is required"));
        }
        if (r.role == null) {
            violations.add(Violation.body("role", "is required"));
        }
        if (r.periodStart == null) {
            violations.add(Violation.body("periodStart", "is required"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** The record as a client would send it, for the rules at publishing. */
    private static RecordInput input(IntegrationRecord r) {
        return new RecordInput(r.title, r.summary,
                r.areas.stream().map(a -> new RecordInput.AreaInput(a.areaCode, a.country, a.place, a.latitude, a.longitude)).toList(),
                List.copyOf(r.services), r.scope, List.copyOf(r.approaches), r.programme, r.role, List.copyOf(r.partners), r.periodStart,
                r.periodEnd,
                r.outcomes.stream().map(o -> new RecordInput.OutcomeInput(o.metric, o.description, o.baseline, o.result, o.unit, o.period,
                        o.source)).toList(),
                r.evidence.stream().map(e -> new RecordInput.EvidenceInput(e.title, e.url)).toList(), r.version);
    }

    /** Published records that were learned from this mentor, of leaders the caller may see, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<RecordView> learnedFrom(long mentorId) {
        List<IntegrationRecord> records = IntegrationRecord.list("learnedFromLeaderId = ?1 and state = ?2", Sort.by("id").descending(),
                mentorId, IntegrationRecord.PUBLISHED);
        var named = named(records, false);
        return records.stream().filter(r -> leaders.visibleToCaller(r.leaderId)).map(r -> view(r, List.of(), false, named)).toList();
    }

    /** How many published records were learned from each of these mentors, whoever asks (for the track record in the index). */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, Long> countLearnedFrom(Collection<Long> mentorIds) {
        if (mentorIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = IntegrationRecord.getEntityManager().createQuery(
                "select r.learnedFromLeaderId, count(r) from IntegrationRecord r where r.learnedFromLeaderId in ?1 and r.state = ?2 "
                        + "group by r.learnedFromLeaderId", Object[].class)
                .setParameter(1, mentorIds).setParameter(2, IntegrationRecord.PUBLISHED).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    /** Every record id of a leader, drafts too (erasure redacts their audit trail). */
    @Transactional(TxType.SUPPORTS)
    public List<Long> allRecordIds(long leaderId) {
        return IntegrationRecord.<IntegrationRecord>list("leaderId", leaderId).stream().map(r -> r.id).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<RecordView> find(long id) {
        return visible(id).map(this::view);
    }

    /** Empty when the leader does not exist. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Page<RecordView>> listOfLeader(long leaderId, PageRequest paging) {
        if (!leaders.visibleToCaller(leaderId)) {
            return Optional.empty();
        }
        boolean drafts = seesDrafts(leaderId);
        var records = IntegrationRecord.ofLeader(leaderId, drafts, paging.page(), paging.size());
        Map<Long, List<Endorsement>> endorsements = Endorsement.ofRecords(records.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.recordId));
        var roles = coLeadRoles(leaderId, records);
        var named = named(records, true);
        var views = records.stream().map(r -> view(r, endorsements.getOrDefault(r.id, List.of()), true, named))
                .map(v -> roles.containsKey(v.id()) ? v.withRole(roles.get(v.id())) : v).toList();
        return Optional.of(Page.of(views, paging, IntegrationRecord.countOfLeader(leaderId, drafts)));
    }

    /** The leader's own roles in those of the records they co-led (not their own). */
    private static Map<Long, String> coLeadRoles(long leaderId, List<IntegrationRecord> records) {
        var coLed = records.stream().filter(r -> r.leaderId != leaderId).map(r -> r.id).toList();
        return CoLeader.ofRecords(coLed).stream().filter(c -> c.leaderId == leaderId)
                .collect(Collectors.toMap(c -> c.recordId, c -> c.role));
    }

    /** What programme staff have to verify: records not verified yet, endorsed first, with their endorsements. */
    @Transactional(TxType.SUPPORTS)
    public Page<RecordView> awaitingVerification(PageRequest paging) {
        if (!user.isStaff()) {
            throw ProblemException.forbidden("only programme staff verify records");
        }
        var query = IntegrationRecord.awaitingVerification();
        var records = query.page(paging.page(), paging.size()).list();
        Map<Long, List<Endorsement>> endorsements = Endorsement.ofRecords(records.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.recordId));
        var named = named(records, true);
        var views = records.stream().map(r -> view(r, endorsements.getOrDefault(r.id, List.of()), true, named)).toList();
        return Page.of(views, paging, query.count());
    }

    /**
     * Every published record of the given leaders with its endorsements, for indexing; keyed by
     * leader id. The public view, whoever calls: no drafts, no rejections, no note for the owner.
     */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, List<RecordView>> recordsOfLeaders(Collection<Long> leaderIds) {
        if (leaderIds.isEmpty()) {
            return Map.of();
        }
        List<IntegrationRecord> records = IntegrationRecord.list("leaderId in ?1 and state = ?2", Sort.by("id"), leaderIds,
                IntegrationRecord.PUBLISHED);
        Map<Long, List<Endorsement>> endorsements = Endorsement.ofRecords(records.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.recordId));
        var named = named(records, false);
        return records.stream().collect(Collectors.groupingBy(r -> r.leaderId,
                Collectors.mapping(r -> view(r, endorsements.getOrDefault(r.id, List.of()), false, named), Collectors.toList())));
    }

    /**
     * The work of the given leaders, for their search documents: each one's published records (as
     * {@link #recordsOfLeaders}) and the published records they confirmed they led together with
     * another leader, with their own role in it. A shared record is in several leaders' lists, under
     * the same id (search counts records by distinct id).
     */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, List<RecordView>> workOfLeaders(Collection<Long> leaderIds) {
        var owned = recordsOfLeaders(leaderIds);
        var coLeads = CoLeader.confirmedOfLeaders(leaderIds);
        if (coLeads.isEmpty()) {
            return owned;
        }
        List<IntegrationRecord> coLed = IntegrationRecord.list("id in ?1 and state = ?2", Sort.by("id"),
                coLeads.stream().map(c -> c.recordId).distinct().toList(), IntegrationRecord.PUBLISHED);
        Map<Long, List<Endorsement>> endorsements = Endorsement.ofRecords(coLed.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.recordId));
        var named = named(coLed, false);
        var views = coLed.stream().collect(Collectors.toMap(r -> r.id, r -> view(r, endorsements.getOrDefault(r.id, List.of()), false, named)));
        var work = new HashMap<Long, List<RecordView>>();
        owned.forEach((leader, records) -> work.put(leader, new ArrayList<>(records)));
        for (var c : coLeads) {
            var view = views.get(c.recordId);
            if (view != null) {
                work.computeIfAbsent(c.leaderId, k -> new ArrayList<>()).add(view.withRole(c.role));
            }
        }
        return work;
    }

    /**
     * Erasure of someone who wrote these endorsements on others' records: each keeps its kind and
     * organisation (the organisation's corroboration stands) but loses the person who wrote it.
     */
    @Transactional(TxType.MANDATORY)
    public void forgetEndorsers(Collection<Long> endorsementIds) {
        if (!endorsementIds.isEmpty()) {
            Endorsement.update("endorserName = ?1, endorserRole = null, comment = null where id in ?2", ERASED_ENDORSER, endorsementIds);
        }
    }

    /**
     * Stores the level that holds for the record's current revision and since when (see
     * {@link CorroborationRule}); search follows through the leader's change event.
     */
    @Transactional(TxType.MANDATORY)
    void restate(IntegrationRecord record) {
        var standing = CorroborationRule.standing(Endorsement.ofRecord(record.id).stream().map(CorroborationRule.Assertion::of).toList(),
                record.revision, record.createdAt);
        if (record.verification != standing.level() || !Objects.equals(record.verificationSince, standing.since())) {
            record.verification = standing.level();
            record.verificationSince = standing.since();
            leaders.markChanged(touching(record));
        }
    }

    /** Every leader whose search document carries this record: its owner and the co-leaders who confirmed it. */
    @Transactional(TxType.SUPPORTS)
    Set<Long> touching(IntegrationRecord record) {
        var ids = new LinkedHashSet<Long>();
        ids.add(record.leaderId);
        if (record.id != null) {
            CoLeader.ofRecord(record.id).stream().filter(CoLeader::confirmed).forEach(c -> ids.add(c.leaderId));
        }
        return ids;
    }

    /** The values a material change alters (copies: the collections are changed in place). */
    private List<Object> material(IntegrationRecord r) {
        return Arrays.asList(List.copyOf(r.services), r.areas.stream().map(IntegrationRecordService::values).toList(),
                r.scope, List.copyOf(r.approaches), r.role, r.periodStart, r.periodEnd,
                r.outcomes.stream().map(IntegrationRecordService::values).toList(), List.copyOf(r.partners));
    }

    /** What an area is, for comparing one with another. */
    private static List<Object> values(RecordArea a) {
        return Arrays.asList(a.areaCode, a.country, a.place, a.latitude, a.longitude);
    }

    /** What an outcome is, for comparing one with another. */
    private static List<Object> values(Outcome o) {
        return Arrays.asList(o.metric, o.description, o.baseline, o.result, o.unit, o.period, o.source);
    }

    private void apply(RecordInput input, IntegrationRecord record) {
        record.title = input.title().strip();
        record.summary = input.summary();
        record.services = new ArrayList<>(input.services().stream().distinct().toList());
        record.scope = input.scope();
        record.approaches = input.approaches() == null ? new ArrayList<>() : new ArrayList<>(input.approaches().stream().distinct().toList());
        record.programme = input.programme();
        record.role = input.role();
        replace(record.partners, input.partnerOrganisations() == null ? List.of() : input.partnerOrganisations().stream().distinct().toList(), List::of);
        record.periodStart = input.periodStart();
        record.periodEnd = input.periodEnd();
        replace(record.areas, input.areas().stream().map(IntegrationRecordService::area).toList(), IntegrationRecordService::values);
        replace(record.outcomes, input.outcomes() == null ? List.of() : input.outcomes().stream().map(this::outcome).toList(),
                IntegrationRecordService::values);
        replace(record.evidence, input.evidence() == null ? List.of() : input.evidence().stream().map(IntegrationRecordService::evidence).toList(),
                e -> Arrays.asList(e.title, e.url));
    }

    /** Replaces a collection's elements only when their values differ: a PUT of what was read changes nothing, not even the version. */
    private static <T> void replace(List<T> current, List<T> wanted, Function<T, List<Object>> values) {
        if (!current.stream().map(values).toList().equals(wanted.stream().map(values).toList())) {
            current.clear();
            current.addAll(wanted);
        }
    }

    private static RecordArea area(RecordInput.AreaInput input) {
        var area = new RecordArea();
        area.areaCode = input.code();
        area.country = input.country();
        area.place = input.place();
        // an English area's centre comes from the geography, whatever a client sent back of it
        area.latitude = input.code() == null ? input.latitude() : null;
        area.longitude = input.code() == null ? input.longitude() : null;
        return area;
    }

    private Outcome outcome(RecordInput.OutcomeInput input) {
        var outcome = new Outcome();
        outcome.metric = input.metric();
        outcome.description = input.description();
        outcome.baseline = input.baseline();
        outcome.result = input.result();
        // figures with no unit are taken to be in the metric's usual one, stored so the leader sees (and can correct) it
        boolean figures = input.baseline() != null || input.result() != null;
        outcome.unit = input.unit() != null && !input.unit().isBlank() || !figures ? input.unit()
                : metric(input.metric()).map(VocabularyItem::defaultUnit).orElse(null);
        outcome.period = input.period();
        outcome.source = input.source();
        return outcome;
    }

    private static EvidenceLink evidence(RecordInput.EvidenceInput input) {
        var link = new EvidenceLink();
        link.title = input.title();
        link.url = input.url();
        return link;
    }

    /** The record as the caller sees it (in the caller's transaction or session, as the entity is). */
    @Transactional(TxType.SUPPORTS)
    RecordView view(IntegrationRecord record) {
        return view(record, Endorsement.ofRecord(record.id), true);
    }

    /** Without endorsements, as the audit trail keeps a record. */
    private RecordView view(IntegrationRecord record, List<Endorsement> endorsements) {
        return view(record, endorsements, false);
    }

    /**
     * forCaller: rejections and the corroboration note are shown to the record's leader and
     * programme staff (and a rejection to the account that gave it); otherwise, and always for
     * the index, they are not.
     */
    private RecordView view(IntegrationRecord record, List<Endorsement> endorsements, boolean forCaller) {
        return view(record, endorsements, forCaller, named(List.of(record), forCaller));
    }

    private RecordView view(IntegrationRecord record, List<Endorsement> endorsements, boolean forCaller, Named named) {
        boolean insider = forCaller && user.inRequest() && (user.isStaff() || user.isLeader(record.leaderId));
        Long caller = forCaller && !insider && endorsements.stream().anyMatch(e -> !e.confirmed())
                ? signedIn.current().map(SignedInAccount.Identity::id).orElse(null) : null;
        var shown = endorsements.stream().filter(e -> e.confirmed() || insider || caller != null && caller.equals(e.accountId)).toList();
        String note = insider ? CorroborationRule.note(endorsements.stream().map(CorroborationRule.Assertion::of).toList(),
                record.revision, record.wordingEditedAt).orElse(null) : null;
        return new RecordView(record.id, record.version, record.leaderId, record.title, record.summary,
                record.areas.stream().map(this::place).toList(), List.copyOf(record.services), record.scope,
                List.copyOf(record.approaches), record.programme, record.role, List.copyOf(organisations.views(record.partners).values()),
                record.periodStart, record.periodEnd,
                record.outcomes.stream().map(this::outcomeView).toList(),
                record.evidence.stream().map(e -> new RecordView.EvidenceView(e.title, e.url)).toList(),
                record.revision, Provenance.ofRecord(record.source, record.reportedBy, record.sourceList, record.createdAt),
                record.verification.code, record.verificationSince, record.wordingEditedAt, note,
                shown.stream().map(e -> endorsementView(e, record)).toList(),
                record.createdAt, record.updatedAt, record.state, named.learnedFrom(record), forCaller ? named.ledWith(record) : List.of());
    }

    /**
     * The other leaders some records name, for their views: who confirmed they led each together with
     * its owner (when {@code withCoLeaders}) and the mentor each was learned from, with the names of
     * those the caller may see (anyone outside a request); two queries for the lot, not two per record.
     */
    private Named named(Collection<IntegrationRecord> records, boolean withCoLeaders) {
        var ids = records.stream().map(r -> r.id).filter(Objects::nonNull).toList();
        Map<Long, List<CoLeader>> coLeaders = !withCoLeaders ? Map.of() : CoLeader.ofRecords(ids).stream().filter(CoLeader::confirmed)
                .collect(Collectors.groupingBy(c -> c.recordId));
        var named = new HashSet<Long>();
        coLeaders.values().forEach(list -> list.forEach(c -> named.add(c.leaderId)));
        records.stream().map(r -> r.learnedFromLeaderId).filter(Objects::nonNull).forEach(named::add);
        return new Named(coLeaders, leaders.namesForCaller(named));
    }

    /** What {@link #named} found: hidden leaders have no name here, and are left out of what it gives. */
    private record Named(Map<Long, List<CoLeader>> coLeaders, Map<Long, String> names) {

        List<CoLeaderView> ledWith(IntegrationRecord record) {
            return coLeaders.getOrDefault(record.id, List.of()).stream().filter(c -> names.containsKey(c.leaderId))
                    .map(c -> new CoLeaderView(record.id, c.leaderId, names.get(c.leaderId), c.role, c.invitedAt, c.confirmedAt)).toList();
        }

        /** The mentor a record was learned from, named when the caller may see them (the index never carries it). */
        RecordView.LearnedFrom learnedFrom(IntegrationRecord record) {
            Long mentor = record.learnedFromLeaderId;
            return mentor == null || !names.containsKey(mentor) ? null : new RecordView.LearnedFrom(mentor, names.get(mentor));
        }
    }

    @Transactional(TxType.SUPPORTS)
    RecordView.EndorsementView endorsementView(Endorsement e, IntegrationRecord record) {
        var organisation = e.organisationCode == null ? null : organisations.find(e.organisationCode).orElse(null);
        String programme = e.programme == null ? null
                : vocabularies.get(VocabularyKind.PROGRAMMES).find(e.programme).map(VocabularyItem::label).orElse(e.programme);
        return new RecordView.EndorsementView(e.id, e.kind, e.decision,
                CorroborationRule.status(CorroborationRule.Assertion.of(e), record.revision, record.wordingEditedAt),
                Provenance.ofAssertion(e, organisation == null ? e.organisationCode : organisation.name(), programme),
                e.endorserName, e.endorserRole, organisation, e.programme, e.statedOrganisation, e.comment, e.recordRevision,
                e.illustrative, e.createdAt, e.updatedAt);
    }

    private RecordView.OutcomeView outcomeView(Outcome o) {
        var judged = OutcomeJudgement.of(o.baseline, o.result, metric(o.metric).map(VocabularyItem::direction).orElse(null));
        return new RecordView.OutcomeView(o.metric, o.description, o.baseline, o.result, o.unit, o.period, o.source,
                judged.change(), judged.relativeChange(), judged.improved());
    }

    private Optional<VocabularyItem> metric(String code) {
        return code == null ? Optional.empty() : vocabularies.get(VocabularyKind.OUTCOME_METRICS).find(code);
    }

    private PlaceView place(RecordArea area) {
        return area.areaCode != null ? geography.describe(area.areaCode).orElseThrow()
                : geography.describeAbroad(area.country, area.place, area.latitude, area.longitude);
    }

    /**
     * Of these leaders, those with a published record naming the organisation as a partner: for a
     * judge's suggested conflicts (recognition), a partner organisation being close to the work.
     */
    @Transactional(TxType.SUPPORTS)
    public Set<Long> partneredWith(String organisationCode, Collection<Long> leaderIds) {
        if (organisationCode == null || leaderIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(IntegrationRecord.getEntityManager().createQuery(
                "select distinct r.leaderId from IntegrationRecord r join r.partners p where p = :code and r.state = :published and r.leaderId in :leaders",
                Long.class).setParameter("code", organisationCode).setParameter("published", IntegrationRecord.PUBLISHED)
                .setParameter("leaders", leaderIds).getResultList());
    }
}
