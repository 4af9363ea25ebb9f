package org.joinedup.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.PlaceView;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/** Creates, changes and removes integration records and their endorsements; the only writer of their tables. */
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

    /** Empty when the leader does not exist or is hidden from the caller; 403 for someone else's leader. */
    public Optional<RecordView> create(long leaderId, RecordInput input) {
        if (!leaders.visibleToCaller(leaderId)) {
            return Optional.empty();
        }
        leaders.requireActFor(leaderId);
        rules.check(input);
        var record = new IntegrationRecord();
        record.leaderId = leaderId;
        apply(input, record);
        record.persist();
        leaders.markChanged(leaderId);
        var view = view(record, List.of());
        audit.record("create", "record", record.id, null, view);
        LOG.infof("Leader %d logged record %d", leaderId, record.id);
        return Optional.of(view);
    }

    public Optional<RecordView> update(long id, RecordInput input) {
        if (input.version() == null) {
            throw ProblemException.invalid(Violation.body("version", "is required when updating; send the version you read"));
        }
        Optional<IntegrationRecord> found = visible(id);
        found.ifPresent(record -> {
            leaders.requireActFor(record.leaderId);
            if (record.version != input.version()) {
                throw ProblemException.staleVersion("Record", id, input.version(), record.version);
            }
            rules.check(input);
            var before = view(record, List.of());
            apply(input, record);
            // flush now so a concurrent change fails this request with 409 and the view shows the new version
            IntegrationRecord.getEntityManager().flush();
            leaders.markChanged(record.leaderId);
            audit.record("update", "record", id, before, view(record, List.of()));
        });
        return found.map(record -> view(record, Endorsement.ofRecord(id)));
    }

    /** False when there is no such record or it is hidden from the caller. */
    public boolean delete(long id) {
        Optional<IntegrationRecord> found = visible(id);
        found.ifPresent(record -> {
            leaders.requireActFor(record.leaderId);
            audit.record("delete", "record", id, view(record, List.of()), null);
            record.delete();
            leaders.markChanged(record.leaderId);
        });
        return found.isPresent();
    }

    /** A record whose leader the caller may see. */
    private Optional<IntegrationRecord> visible(long id) {
        return IntegrationRecord.<IntegrationRecord>findByIdOptional(id).filter(r -> leaders.visibleToCaller(r.leaderId));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<RecordView> find(long id) {
        return visible(id).map(record -> view(record, Endorsement.ofRecord(id)));
    }

    /** Empty when the leader does not exist. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Page<RecordView>> listOfLeader(long leaderId, PageRequest paging) {
        if (!leaders.visibleToCaller(leaderId)) {
            return Optional.empty();
        }
        var records = IntegrationRecord.ofLeader(leaderId, paging.page(), paging.size());
        Map<Long, List<Endorsement>> endorsements = Endorsement.ofRecords(records.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.recordId));
        var views = records.stream().map(r -> view(r, endorsements.getOrDefault(r.id, List.of()))).toList();
        return Optional.of(Page.of(views, paging, IntegrationRecord.countOfLeader(leaderId)));
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
        var views = records.stream().map(r -> view(r, endorsements.getOrDefault(r.id, List.of()))).toList();
        return Page.of(views, paging, query.count());
    }

    /** Every record of the given leaders with its endorsements, for indexing; keyed by leader id. */
    @Transactional(TxType.SUPPORTS)
    public Map<Long, List<RecordView>> recordsOfLeaders(Collection<Long> leaderIds) {
        if (leaderIds.isEmpty()) {
            return Map.of();
        }
        List<IntegrationRecord> records = IntegrationRecord.list("leaderId in ?1", Sort.by("id"), leaderIds);
        Map<Long, List<Endorsement>> endorsements = Endorsement.ofRecords(records.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(e -> e.recordId));
        return records.stream().collect(Collectors.groupingBy(r -> r.leaderId,
                Collectors.mapping(r -> view(r, endorsements.getOrDefault(r.id, List.of())), Collectors.toList())));
    }

    /** Empty when the record does not exist. */
    public Optional<RecordView> endorse(long recordId, EndorsementInput input) {
        Optional<IntegrationRecord> found = visible(recordId);
        found.ifPresent(record -> {
            var endorsement = new Endorsement();
            endorsement.recordId = recordId;
            endorsement.kind = input.kind() == null ? Endorsement.ENDORSEMENT : input.kind();
            checkEndorser(record, endorsement.kind, input);
            if (user.isLeader(record.leaderId)) {
                throw ProblemException.forbidden("you cannot endorse or verify your own record");
            }
            if (Endorsement.VERIFICATION.equals(endorsement.kind) && !user.isStaff()) {
                throw ProblemException.forbidden("only programme staff verify records");
            }
            endorsement.endorserName = input.endorserName().strip();
            endorsement.statedOrganisation = input.endorserOrganisation().strip();
            endorsement.endorserRole = input.endorserRole();
            endorsement.comment = input.comment();
            endorsement.persist();
            var level = Endorsement.VERIFICATION.equals(endorsement.kind) ? VerificationLevel.VERIFIED : VerificationLevel.ENDORSED;
            record.verification = record.verification.atLeast(level);
            leaders.markChanged(record.leaderId);
            audit.record(Endorsement.VERIFICATION.equals(endorsement.kind) ? "verify" : "endorse", "record", recordId, null,
                    RecordView.EndorsementView.of(endorsement));
            LOG.infof("Record %d %s by %s; now %s", recordId, endorsement.kind, endorsement.statedOrganisation, record.verification.code);
        });
        return found.map(record -> view(record, Endorsement.ofRecord(recordId)));
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

    /** An endorsement corroborates from inside the work, so it must come from a named partner organisation. */
    private void checkEndorser(IntegrationRecord record, String kind, EndorsementInput input) {
        if (!List.of(Endorsement.ENDORSEMENT, Endorsement.VERIFICATION).contains(kind)) {
            throw ProblemException.invalid(Violation.body("kind", "'" + kind + "' is not a kind of endorsement",
                    List.of(Endorsement.ENDORSEMENT, Endorsement.VERIFICATION)));
        }
        boolean partner = organisations.match(input.endorserOrganisation()).filter(o -> record.partners.contains(o.code())).isPresent();
        if (Endorsement.ENDORSEMENT.equals(kind) && !partner) {
            throw ProblemException.invalid(Violation.body("endorserOrganisation",
                    "must be one of the record's partner organisations", List.copyOf(record.partners)));
        }
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
        replace(record.areas, input.areas().stream().map(IntegrationRecordService::area).toList(),
                a -> Arrays.asList(a.areaCode, a.country, a.place, a.latitude, a.longitude));
        replace(record.outcomes, input.outcomes() == null ? List.of() : input.outcomes().stream().map(this::outcome).toList(),
                o -> Arrays.asList(o.metric, o.description, o.baseline, o.result, o.unit, o.period, o.source));
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

    private RecordView view(IntegrationRecord record, List<Endorsement> endorsements) {
        return new RecordView(record.id, record.version, record.leaderId, record.title, record.summary,
                record.areas.stream().map(this::place).toList(), List.copyOf(record.services), record.scope,
                List.copyOf(record.approaches), record.programme, record.role, List.copyOf(organisations.views(record.partners).values()),
                record.periodStart, record.periodEnd,
                record.outcomes.stream().map(this::outcomeView).toList(),
                record.evidence.stream().map(e -> new RecordView.EvidenceView(e.title, e.url)).toList(),
                record.verification.code, endorsements.stream().map(RecordView.EndorsementView::of).toList(),
                record.createdAt, record.updatedAt);
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
}
