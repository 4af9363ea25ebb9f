package org.joinedup.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.joinedup.integration.RecordView;
import org.joinedup.leader.LeaderView;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.PlaceView;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * The columns of an export, in order: the header and every row come from this one list, so they
 * cannot drift apart. Several values in a cell are separated by "; " (as the import reads them);
 * the outcome columns are parallel lists, the n-th value of each belonging to the n-th outcome.
 * Never contact details, doing-now or conflicts: only what everyone who sees the leader sees.
 */
enum Column {

    LEADER_ID("id", r -> String.valueOf(r.leader().id())),
    NAME("name", r -> r.leader().name()),
    CURRENT_ROLE("current role", r -> r.leader().currentRole()),
    ORGANISATION_CODE("organisation code", r -> r.leader().organisation() == null ? null : r.leader().organisation().code()),
    ORGANISATION("organisation", r -> r.leader().organisation() == null ? null : r.leader().organisation().name()),
    HOME_AREA_CODE("home area code", r -> r.leader().homeArea() == null ? null : r.leader().homeArea().code()),
    HOME_AREA("home area", r -> r.leader().homeArea() == null ? null : r.leader().homeArea().name()),
    HOME_REGION("home region", r -> r.leader().homeArea() == null || r.leader().homeArea().region() == null ? null
            : r.leader().homeArea().region().name()),
    SECTOR("sector", r -> r.leader().sector()),
    SECTOR_LABEL("sector label", r -> r.label(VocabularyKind.SECTORS, r.leader().sector())),
    RECORD_ID("record id", r -> record(r, rec -> String.valueOf(rec.id()))),
    TITLE("title", r -> record(r, RecordView::title)),
    STATE("state", r -> record(r, RecordView::state)),
    SERVICES("services", r -> record(r, rec -> join(rec.services().stream()))),
    SERVICE_LABELS("service labels", r -> record(r, rec -> join(rec.services().stream().map(c -> r.label(VocabularyKind.SERVICES, c))))),
    AREAS("areas", r -> record(r, rec -> join(rec.areas().stream().map(Column::placeCode)))),
    AREA_NAMES("area names", r -> record(r, rec -> join(rec.areas().stream().map(Column::placeName)))),
    AREA_REGIONS("area regions", r -> record(r, rec -> join(rec.areas().stream().map(p -> p.region() != null ? p.region().name()
            : Geography.NATIONAL.equals(p.type()) ? "England (national)" : p.country())
            .distinct()))),
    SCOPE("scope", r -> record(r, RecordView::scope)),
    SCOPE_LABEL("scope label", r -> record(r, rec -> r.label(VocabularyKind.SCOPES, rec.scope()))),
    APPROACHES("approaches", r -> record(r, rec -> join(rec.approaches().stream()))),
    APPROACH_LABELS("approach labels", r -> record(r, rec -> join(rec.approaches().stream().map(c -> r.label(VocabularyKind.APPROACHES, c))))),
    PROGRAMME("programme", r -> record(r, RecordView::programme)),
    PROGRAMME_LABEL("programme label", r -> record(r, rec -> r.label(VocabularyKind.PROGRAMMES, rec.programme()))),
    ROLE("role", r -> record(r, RecordView::role)),
    ROLE_LABEL("role label", r -> record(r, rec -> r.label(VocabularyKind.ROLES, rec.role()))),
    PERIOD_START("period start", r -> record(r, rec -> day(rec.periodStart()))),
    PERIOD_END("period end", r -> record(r, rec -> day(rec.periodEnd()))),
    REPORTED("reported", r -> record(r, RecordView::source)),
    OUTCOME_METRICS("outcome metrics", r -> outcomes(r, RecordView.OutcomeView::metric)),
    OUTCOME_METRIC_LABELS("outcome metric labels", r -> outcomes(r, o -> r.label(VocabularyKind.OUTCOME_METRICS, o.metric()))),
    OUTCOME_DIRECTIONS("outcome directions", r -> outcomes(r, o -> r.metric(o.metric())
            .map(VocabularyItem::direction).map(d -> d.code).orElse(null))),
    OUTCOME_DESCRIPTIONS("outcome descriptions", r -> outcomes(r, RecordView.OutcomeView::description)),
    OUTCOME_BASELINES("outcome baselines", r -> outcomes(r, o -> number(o.baseline()))),
    OUTCOME_RESULTS("outcome results", r -> outcomes(r, o -> number(o.result()))),
    OUTCOME_UNITS("outcome units", r -> outcomes(r, RecordView.OutcomeView::unit)),
    OUTCOME_PERIODS("outcome periods", r -> outcomes(r, RecordView.OutcomeView::period)),
    OUTCOME_IMPROVED("outcome improved", r -> outcomes(r, o -> o.improved() == null ? null : o.improved() ? "yes" : "no")),
    OUTCOME_SOURCES("outcome sources", r -> outcomes(r, RecordView.OutcomeView::source)),
    EVIDENCE("evidence", r -> record(r, rec -> join(rec.evidence().stream().map(RecordView.EvidenceView::url)))),
    VERIFICATION("verification", r -> record(r, RecordView::verification)),
    VERIFICATION_SINCE("verification since", r -> record(r, rec -> day(rec.verificationSince()))),
    PARTNERS("partner organisations", r -> record(r, rec -> join(rec.partnerOrganisations().stream().map(o -> o.code())))),
    PARTNER_NAMES("partner organisation names", r -> record(r, rec -> join(rec.partnerOrganisations().stream().map(o -> o.name())))),
    CORROBORATED_BY("corroborated by", r -> record(r, rec -> join(corroboration(rec).map(RecordView.EndorsementView::source)))),
    PROFILE("profile", r -> r.profileUrl() + r.leader().id());

    /** Dates are the registry's, in the UK. */
    private static final ZoneId UK = ZoneId.of("Europe/London");
    static final List<String> HEADER = Stream.of(values()).map(c -> c.header).toList();

    final String header;
    private final Function<Row, String> value;

    Column(String header, Function<Row, String> value) {
        this.header = header;
        this.value = value;
    }

    /** One leader and one of their records (null for a leader without records), with what a row needs to label codes. */
    record Row(LeaderView leader, RecordView record, Labels labels, String profileUrl) {

        String label(VocabularyKind kind, String code) {
            return labels.label(kind, code);
        }

        Optional<VocabularyItem> metric(String code) {
            return labels.item(VocabularyKind.OUTCOME_METRICS, code);
        }
    }

    /** Looks codes up in the vocabularies. */
    interface Labels {
        Optional<VocabularyItem> item(VocabularyKind kind, String code);

        default String label(VocabularyKind kind, String code) {
            return code == null ? null : item(kind, code).map(VocabularyItem::label).orElse(code);
        }
    }

    static List<String> cells(Row row) {
        return Stream.of(values()).map(c -> c.value.apply(row)).toList();
    }

    private static String record(Row row, Function<RecordView, String> value) {
        return row.record() == null ? null : value.apply(row.record());
    }

    private static String outcomes(Row row, Function<RecordView.OutcomeView, String> value) {
        if (row.record() == null || row.record().outcomes().isEmpty()) {
            return null;
        }
        // empty values kept, so the n-th value of each outcome column stays with the n-th outcome
        return String.join("; ", row.record().outcomes().stream().map(o -> Objects.requireNonNullElse(value.apply(o), "")).toList());
    }

    /** Confirmed endorsements and verifications given for the record as it stands (as search counts them). */
    private static Stream<RecordView.EndorsementView> corroboration(RecordView record) {
        return record.endorsements().stream().filter(e -> "confirmed".equals(e.decision()) && e.recordRevision() == record.revision());
    }

    private static String placeCode(PlaceView place) {
        return place.code() != null ? place.code() : place.country();
    }

    private static String placeName(PlaceView place) {
        return place.name() != null ? place.name() : place.place();
    }

    private static String join(Stream<String> values) {
        return String.join("; ", values.filter(Objects::nonNull).toList());
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, UK).toString();
    }
}
