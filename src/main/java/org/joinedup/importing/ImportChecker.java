package org.joinedup.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordInput;
import org.joinedup.leader.LeaderInput;
import org.joinedup.leader.LeaderService;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.Violation;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Turns the rows of a file into the leaders and records it would write, checking every cell: the
 * same shapes (Bean Validation) and rules (the leader and record services') as the API, plus what
 * only a file can get wrong (a formula, a leader whose rows disagree, an external id twice). Codes,
 * labels and synonyms are all accepted and stored as codes. Reads only.
 */
@ApplicationScoped
class ImportChecker {

    /** More problems than this are counted, not listed: a wholly wrong file would otherwise answer megabytes. */
    static final int PROBLEMS_LISTED = 1000;
    static final int EXTERNAL_ID_MAX = 100;
    /** A spreadsheet takes a cell starting so as a formula (CSV injection); numbers in number columns may be negative. */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");
    /** The field a violation names (indexes and container-element markers removed) and the column it came from. */
    private static final Map<String, ImportColumn> FIELDS = Map.ofEntries(
            Map.entry("name", ImportColumn.NAME), Map.entry("currentRole", ImportColumn.CURRENT_ROLE),
            Map.entry("organisation", ImportColumn.ORGANISATION), Map.entry("doingNow", ImportColumn.DOING_NOW),
            Map.entry("doingNowAsOf", ImportColumn.DOING_NOW_AS_OF), Map.entry("homeArea", ImportColumn.HOME_AREA), Map.entry("sector", ImportColumn.SECTOR),
            Map.entry("visibility", ImportColumn.VISIBILITY), Map.entry("mentoring", ImportColumn.MENTORING_WILLING),
            Map.entry("mentoring.capacity", ImportColumn.MENTORING_CAPACITY), Map.entry("mentoring.formats", ImportColumn.MENTORING_FORMATS),
            Map.entry("contact.email", ImportColumn.EMAIL), Map.entry("contact.phone", ImportColumn.PHONE),
            Map.entry("title", ImportColumn.TITLE), Map.entry("summary", ImportColumn.SUMMARY), Map.entry("areas", ImportColumn.AREAS),
            Map.entry("areas.code", ImportColumn.AREAS), Map.entry("services", ImportColumn.SERVICES), Map.entry("scope", ImportColumn.SCOPE),
            Map.entry("approaches", ImportColumn.APPROACHES), Map.entry("programme", ImportColumn.PROGRAMME), Map.entry("role", ImportColumn.ROLE),
            Map.entry("partnerOrganisations", ImportColumn.PARTNER_ORGANISATIONS), Map.entry("periodStart", ImportColumn.PERIOD_START),
            Map.entry("periodEnd", ImportColumn.PERIOD_END), Map.entry("outcomes", ImportColumn.OUTCOME_METRIC),
            Map.entry("outcomes.metric", ImportColumn.OUTCOME_METRIC), Map.entry("outcomes.description", ImportColumn.OUTCOME_DESCRIPTION),
            Map.entry("outcomes.baseline", ImportColumn.OUTCOME_BASELINE), Map.entry("outcomes.result", ImportColumn.OUTCOME_RESULT),
            Map.entry("outcomes.unit", ImportColumn.OUTCOME_UNIT), Map.entry("outcomes.period", ImportColumn.OUTCOME_PERIOD),
            Map.entry("outcomes.source", ImportColumn.OUTCOME_SOURCE), Map.entry("evidence", ImportColumn.EVIDENCE_URLS),
            Map.entry("evidence.url", ImportColumn.EVIDENCE_URLS), Map.entry("evidence.title", ImportColumn.EVIDENCE_TITLES),
            Map.entry("areas.country", ImportColumn.AREAS), Map.entry("areas.place", ImportColumn.AREAS),
            Map.entry("areas.latitude", ImportColumn.AREAS), Map.entry("areas.longitude", ImportColumn.AREAS));
    /** A place outside England in an areas cell: "US: Boston (42.36, -71.06)", a country code, the place and its coordinates. */
    private static final Pattern ABROAD = Pattern.compile("([A-Za-z]{2}):\\s*(.+?)\\s*\\((-?\\d{1,3}(?:\\.\\d+)?),\\s*(-?\\d{1,3}(?:\\.\\d+)?)\\)");

    @Inject
    Validator validator;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    @Inject
    OrganisationDirectory organisations;

    /** Problems of one check, with the count beyond those listed. */
    private static final class Problems {
        final List<ImportProblem> listed = new ArrayList<>();
        int count;

        void add(ImportProblem problem) {
            count++;
            if (listed.size() < PROBLEMS_LISTED) {
                listed.add(problem);
            }
        }
    }

    ImportPlan check(String fileName, CsvRows.Read read, boolean invite) {
        var problems = new Problems();
        read.problems().forEach(problems::add);
        var planned = new ArrayList<ImportPlan.PlannedLeader>();
        if (!read.problems().isEmpty()) {
            return new ImportPlan(fileName, read.rows().size(), planned, problems.listed, problems.count);
        }
        var organisationCodes = new HashMap<String, String>();
        warmOrganisations(read.rows());
        var leaderRows = new LinkedHashMap<String, CsvRows.Row>();
        var recordsOf = new LinkedHashMap<String, List<ImportPlan.PlannedRecord>>();
        var recordRows = new HashMap<String, Integer>();
        for (var row : read.rows()) {
            formulas(row, problems);
            var leaderId = row.get(ImportColumn.LEADER_EXTERNAL_ID);
            if (!externalId(row, ImportColumn.LEADER_EXTERNAL_ID, problems)) {
                continue;
            }
            var first = leaderRows.putIfAbsent(leaderId, row);
            if (first != null) {
                sameLeader(first, row, problems);
            }
            recordsOf.computeIfAbsent(leaderId, k -> new ArrayList<>());
            if (Arrays.stream(ImportColumn.values()).noneMatch(c -> !c.leader && row.cells().containsKey(c))) {
                continue;
            }
            if (!externalId(row, ImportColumn.RECORD_EXTERNAL_ID, problems)) {
                continue;
            }
            var recordId = row.get(ImportColumn.RECORD_EXTERNAL_ID);
            var earlier = recordRows.putIfAbsent(recordId, row.number());
            if (earlier != null) {
                problems.add(ImportProblem.at(row.number(), ImportColumn.RECORD_EXTERNAL_ID, recordId,
                        "the record external id is also on row " + earlier + "; each record's id is unique in the file"));
                continue;
            }
            var input = recordInput(row, organisationCodes, problems);
            if (input != null) {
                report(row, recordViolations(input), problems);
            }
            recordsOf.get(leaderId).add(new ImportPlan.PlannedRecord(recordId, row.number(), input));
        }
        for (var entry : leaderRows.entrySet()) {
            var row = entry.getValue();
            var input = leaderInput(row, organisationCodes, problems);
            if (input != null) {
                report(row, leaderViolations(input), problems);
                if (invite && (input.contact() == null || input.contact().email() == null)) {
                    problems.add(ImportProblem.at(row.number(), ImportColumn.EMAIL, null, "is required to invite the leader (the invite option)"));
                }
            }
            planned.add(new ImportPlan.PlannedLeader(entry.getKey(), row.number(), input, recordsOf.get(entry.getKey())));
        }
        otherLeadersRecords(planned, problems);
        return new ImportPlan(fileName, read.rows().size(), planned, problems.listed, problems.count);
    }

    /** A record id already in the registry under another leader cannot move: a record's leader never changes. */
    private void otherLeadersRecords(List<ImportPlan.PlannedLeader> planned, Problems problems) {
        var recordIds = planned.stream().flatMap(l -> l.records().stream()).map(ImportPlan.PlannedRecord::externalId).toList();
        var leaderIds = planned.stream().map(ImportPlan.PlannedLeader::externalId).toList();
        var owners = new HashMap<String, Long>();
        var existingLeaders = new HashMap<String, Long>();
        chunks(recordIds).forEach(chunk -> owners.putAll(records.leadersByExternalId(chunk)));
        chunks(leaderIds).forEach(chunk -> existingLeaders.putAll(leaders.idsByExternalId(chunk)));
        for (var leader : planned) {
            for (var record : leader.records()) {
                var owner = owners.get(record.externalId());
                if (owner != null && !owner.equals(existingLeaders.get(leader.externalId()))) {
                    problems.add(ImportProblem.at(record.row(), ImportColumn.RECORD_EXTERNAL_ID, record.externalId(),
                            "this record id belongs to another leader (" + owner + ") in the registry; a record cannot move to another leader"));
                }
            }
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < ids.size(); i += 1000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return chunks;
    }

    /** Cells a spreadsheet would run, and cells with the NUL character, which the database cannot store (found here, not half-way through the import). */
    private static void formulas(CsvRows.Row row, Problems problems) {
        row.cells().forEach((column, value) -> {
            if (value.indexOf('\0') >= 0) {
                problems.add(ImportProblem.at(row.number(), column, value.replace("\0", ""), "holds the NUL character (U+0000): remove it"));
            } else if (!column.numeric && FORMULA.matcher(value).matches()) {
                problems.add(ImportProblem.at(row.number(), column, value, "starts with '" + value.charAt(0)
                        + "', which a spreadsheet runs as a formula: remove it (or write the text another way)"));
            }
        });
    }

    private static boolean externalId(CsvRows.Row row, ImportColumn column, Problems problems) {
        var id = row.get(column);
        if (id.isEmpty()) {
            problems.add(ImportProblem.at(row.number(), column, null, column == ImportColumn.RECORD_EXTERNAL_ID
                    ? "is required on a row with a record (each record's own id in your list; leave every record column empty for a leader alone)"
                    : "is required: the leader's own id in your list, the same on each of their rows"));
            return false;
        }
        if (id.length() > EXTERNAL_ID_MAX) {
            problems.add(ImportProblem.at(row.number(), column, id, "must be at most " + EXTERNAL_ID_MAX + " characters"));
            return false;
        }
        return true;
    }

    private static void sameLeader(CsvRows.Row first, CsvRows.Row row, Problems problems) {
        for (var column : ImportColumn.values()) {
            if (column.leader && !first.get(column).equals(row.get(column))) {
                problems.add(ImportProblem.at(row.number(), column, row.get(column), "differs from row " + first.number()
                        + " of the same leader ('" + first.get(column) + "'): a leader's columns are the same on each of their rows"));
            }
        }
    }

    private LeaderInput leaderInput(CsvRows.Row row, Map<String, String> organisationCodes, Problems problems) {
        int before = problems.count;
        var willing = bool(row, ImportColumn.MENTORING_WILLING, problems);
        var trained = bool(row, ImportColumn.MENTORING_TRAINED, problems);
        var illustrative = bool(row, ImportColumn.ILLUSTRATIVE, problems);
        Integer capacity = integer(row, ImportColumn.MENTORING_CAPACITY, problems);
        var asOf = date(row, ImportColumn.DOING_NOW_AS_OF, problems);
        if (problems.count > before) {
            return null;
        }
        var formats = codes(row, ImportColumn.MENTORING_FORMATS, VocabularyKind.MENTORING_FORMATS);
        var mentoring = new LeaderInput.MentoringInput(willing, capacity == null ? 0 : capacity, formats, trained, List.of());
        var email = blankToNull(row.get(ImportColumn.EMAIL));
        var phone = blankToNull(row.get(ImportColumn.PHONE));
        var contact = email == null && phone == null ? null : new LeaderInput.ContactInput(email, phone);
        var visibility = blankToNull(row.get(ImportColumn.VISIBILITY));
        return new LeaderInput(row.get(ImportColumn.NAME), blankToNull(row.get(ImportColumn.CURRENT_ROLE)),
                organisation(row.get(ImportColumn.ORGANISATION), organisationCodes), blankToNull(row.get(ImportColumn.DOING_NOW)), asOf,
                area(row.get(ImportColumn.HOME_AREA)), code(row, ImportColumn.SECTOR, VocabularyKind.SECTORS), mentoring, visibility == null ? null : visibility.toLowerCase(Locale.ROOT), contact,
                illustrative, null);
    }

    private RecordInput recordInput(CsvRows.Row row, Map<String, String> organisationCodes, Problems problems) {
        int before = problems.count;
        var start = date(row, ImportColumn.PERIOD_START, problems);
        var end = date(row, ImportColumn.PERIOD_END, problems);
        var outcomes = outcomes(row, problems);
        if (problems.count > before) {
            return null;
        }
        if (start == null) {
            problems.add(ImportProblem.at(row.number(), ImportColumn.PERIOD_START, null, "is required (YYYY-MM-DD)"));
            return null;
        }
        var areas = split(row.get(ImportColumn.AREAS)).stream().map(this::recordArea).toList();
        var partners = split(row.get(ImportColumn.PARTNER_ORGANISATIONS)).stream().map(o -> organisation(o, organisationCodes)).toList();
        var urls = split(row.get(ImportColumn.EVIDENCE_URLS));
        var titles = parallel(row.get(ImportColumn.EVIDENCE_TITLES));
        var evidence = new ArrayList<RecordInput.EvidenceInput>();
        for (int i = 0; i < urls.size(); i++) {
            evidence.add(new RecordInput.EvidenceInput(item(titles, i), urls.get(i)));
        }
        return new RecordInput(row.get(ImportColumn.TITLE), blankToNull(row.get(ImportColumn.SUMMARY)), areas,
                codes(row, ImportColumn.SERVICES, VocabularyKind.SERVICES), code(row, ImportColumn.SCOPE, VocabularyKind.SCOPES),
                codes(row, ImportColumn.APPROACHES, VocabularyKind.APPROACHES), code(row, ImportColumn.PROGRAMME, VocabularyKind.PROGRAMMES),
                code(row, ImportColumn.ROLE, VocabularyKind.ROLES), partners, start, end, outcomes, evidence, null);
    }

    /** The outcome columns are parallel lists: the n-th value of each belongs to the n-th outcome. */
    private List<RecordInput.OutcomeInput> outcomes(CsvRows.Row row, Problems problems) {
        var metric = parallel(row.get(ImportColumn.OUTCOME_METRIC));
        var description = parallel(row.get(ImportColumn.OUTCOME_DESCRIPTION));
        var baseline = parallel(row.get(ImportColumn.OUTCOME_BASELINE));
        var result = parallel(row.get(ImportColumn.OUTCOME_RESULT));
        var unit = parallel(row.get(ImportColumn.OUTCOME_UNIT));
        var period = parallel(row.get(ImportColumn.OUTCOME_PERIOD));
        var source = parallel(row.get(ImportColumn.OUTCOME_SOURCE));
        int count = List.of(metric, description, baseline, result, unit, period, source).stream().mapToInt(List::size).max().orElse(0);
        var outcomes = new ArrayList<RecordInput.OutcomeInput>();
        for (int i = 0; i < count; i++) {
            var metricCode = item(metric, i);
            outcomes.add(new RecordInput.OutcomeInput(
                    metricCode == null ? null : vocabularies.get(VocabularyKind.OUTCOME_METRICS).lookup(metricCode).orElse(metricCode),
                    item(description, i), number(row, ImportColumn.OUTCOME_BASELINE, item(baseline, i), problems),
                    number(row, ImportColumn.OUTCOME_RESULT, item(result, i), problems), item(unit, i), item(period, i), item(source, i)));
        }
        return outcomes;
    }

    private List<Violation> leaderViolations(LeaderInput input) {
        var shape = shape(input);
        return shape.isEmpty() ? leaders.problems(input) : shape;
    }

    private List<Violation> recordViolations(RecordInput input) {
        var shape = shape(input);
        return shape.isEmpty() ? records.problems(input) : shape;
    }

    private List<Violation> shape(Object input) {
        return validator.validate(input).stream()
                .map((ConstraintViolation<Object> v) -> Violation.body(v.getPropertyPath().toString().replace(".<list element>", ""),
                        v.getMessage()))
                .toList();
    }

    /** Each violation of the rules, in the row and column its field came from, with the value at fault. */
    private static void report(CsvRows.Row row, List<Violation> violations, Problems problems) {
        for (var violation : violations) {
            var field = violation.field();
            var index = INDEX.matcher(field);
            Integer position = index.find() ? Integer.valueOf(index.group(1)) : null;
            var column = FIELDS.get(INDEX.matcher(field).replaceAll(""));
            var cell = column == null ? null : row.get(column);
            String value = cell == null || cell.isEmpty() ? null : position != null && column.multi ? item(parallel(cell), position) : cell;
            problems.add(new ImportProblem(row.number(), column == null ? field : column.header, value, violation.message(),
                    violation.allowed() == null ? List.of() : violation.allowed()));
        }
    }

    /**
     * Loads every organisation the file names by code into the directory's cache, a thousand codes a
     * query: looked up one at a time, the first import of a file naming 150 organisations spent
     * seconds on those queries alone. Names that are no code are still matched one by one.
     */
    private void warmOrganisations(List<CsvRows.Row> rows) {
        var codes = new LinkedHashSet<String>();
        for (var row : rows) {
            codes.add(row.get(ImportColumn.ORGANISATION));
            codes.addAll(split(row.get(ImportColumn.PARTNER_ORGANISATIONS)));
        }
        var typed = codes.stream().filter(c -> c != null && !c.isBlank()).map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        for (int i = 0; i < typed.size(); i += 1000) {
            organisations.views(typed.subList(i, Math.min(typed.size(), i + 1000)));
        }
    }

    private String organisation(String typed, Map<String, String> codes) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        // a file names the same few organisations on many rows: one lookup each
        return codes.computeIfAbsent(typed, t -> organisations.resolve(t).map(OrganisationView::code).orElse(t));
    }

    private RecordInput.AreaInput recordArea(String typed) {
        var abroad = ABROAD.matcher(typed);
        if (abroad.matches()) {
            return new RecordInput.AreaInput(null, abroad.group(1).toUpperCase(Locale.ROOT), abroad.group(2), Double.valueOf(abroad.group(3)),
                    Double.valueOf(abroad.group(4)));
        }
        // national work: England's code, or the word England or national
        var national = typed.strip().equalsIgnoreCase("England") || typed.strip().equalsIgnoreCase(Geography.NATIONAL);
        return new RecordInput.AreaInput(national ? Geography.ENGLAND : area(typed), null, null, null, null);
    }

    private String area(String typed) {
        return typed == null || typed.isBlank() ? null : geography.lookup(typed).map(Area::code).orElse(typed);
    }

    private String code(CsvRows.Row row, ImportColumn column, VocabularyKind kind) {
        var typed = blankToNull(row.get(column));
        return typed == null ? null : vocabularies.get(kind).lookup(typed).orElse(typed);
    }

    private List<String> codes(CsvRows.Row row, ImportColumn column, VocabularyKind kind) {
        var vocabulary = vocabularies.get(kind);
        return split(row.get(column)).stream().map(v -> vocabulary.lookup(v).orElse(v)).toList();
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Values by position, empty ones kept (as null) so the n-th of one column stays beside the n-th of another. */
    private static List<String> parallel(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";", -1)).map(String::strip).map(ImportChecker::blankToNull).toList();
    }

    private static String item(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    private static boolean bool(CsvRows.Row row, ImportColumn column, Problems problems) {
        var value = row.get(column).toLowerCase(Locale.ROOT);
        if (Set.of("", "no", "n", "false", "0").contains(value)) {
            return false;
        }
        if (Set.of("yes", "y", "true", "1").contains(value)) {
            return true;
        }
        problems.add(new ImportProblem(row.number(), column.header, row.get(column), "must be yes or no", List.of("yes", "no")));
        return false;
    }

    private static Integer integer(CsvRows.Row row, ImportColumn column, Problems problems) {
        var value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(ImportProblem.at(row.number(), column, value, "must be a whole number"));
            return null;
        }
    }

    private static BigDecimal number(CsvRows.Row row, ImportColumn column, String value, Problems problems) {
        if (value == null) {
            return null;
        }
        try {
            // a decimal point, no thousands separators; a plain number only, which is never a formula
            if (!value.matches("-?\\d{1,13}(\\.\\d{1,12})?")) {
                throw new NumberFormatException();
            }
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(ImportProblem.at(row.number(), column, value, "must be a number such as 12.5 or -3 (a point for decimals, no commas)"));
            return null;
        }
    }

    private static LocalDate date(CsvRows.Row row, ImportColumn column, Problems problems) {
        var value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(ImportProblem.at(row.number(), column, value, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
