package org.joinedup.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the import template (docs/import.md, seed-data/import-template.csv). One row per
 * record, the leader's columns repeated on each; a row whose record columns are all empty is the
 * leader alone. Multi-valued cells hold values separated by {@code ;}.
 */
enum ImportColumn {
    LEADER_EXTERNAL_ID("leader_external_id", true, false, false),
    NAME("name", true, false, false),
    CURRENT_ROLE("current_role", true, false, false),
    ORGANISATION("organisation", true, false, false),
    HOME_AREA("home_area", true, false, false),
    SECTOR("sector", true, false, false),
    VISIBILITY("visibility", true, false, false),
    DOING_NOW("doing_now", true, false, false),
    DOING_NOW_AS_OF("doing_now_as_of", true, false, false),
    MENTORING_WILLING("mentoring_willing", true, false, false),
    MENTORING_CAPACITY("mentoring_capacity", true, true, false),
    MENTORING_FORMATS("mentoring_formats", true, false, true),
    MENTORING_TRAINED("mentoring_trained", true, false, false),
    EMAIL("email", true, false, false),
    PHONE("phone", true, false, false),
    ILLUSTRATIVE("illustrative", true, false, false),
    RECORD_EXTERNAL_ID("record_external_id", false, false, false),
    TITLE("title", false, false, false),
    SUMMARY("summary", false, false, false),
    AREAS("areas", false, false, true),
    SERVICES("services", false, false, true),
    SCOPE("scope", false, false, false),
    APPROACHES("approaches", false, false, true),
    PROGRAMME("programme", false, false, false),
    ROLE("role", false, false, false),
    PARTNER_ORGANISATIONS("partner_organisations", false, false, true),
    PERIOD_START("period_start", false, false, false),
    PERIOD_END("period_end", false, false, false),
    OUTCOME_METRIC("outcome_metric", false, false, true),
    OUTCOME_DESCRIPTION("outcome_description", false, false, true),
    OUTCOME_BASELINE("outcome_baseline", false, true, true),
    OUTCOME_RESULT("outcome_result", false, true, true),
    OUTCOME_UNIT("outcome_unit", false, false, true),
    OUTCOME_PERIOD("outcome_period", false, false, true),
    OUTCOME_SOURCE("outcome_source", false, false, true),
    EVIDENCE_URLS("evidence_urls", false, false, true),
    EVIDENCE_TITLES("evidence_titles", false, false, true);

    /** Without these the file is not an import at all. */
    static final List<ImportColumn> REQUIRED = List.of(LEADER_EXTERNAL_ID, NAME, HOME_AREA);

    final String header;
    /** Describes the leader (repeated on each of their rows), not the record. */
    final boolean leader;
    /** Holds numbers, which may start with a minus sign; every other cell is text that must not start like a formula. */
    final boolean numeric;
    /** Holds several values separated by {@code ;}. */
    final boolean multi;

    ImportColumn(String header, boolean leader, boolean numeric, boolean multi) {
        this.header = header;
        this.leader = leader;
        this.numeric = numeric;
        this.multi = multi;
    }

    static Optional<ImportColumn> of(String header) {
        var wanted = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }

    static List<String> headers() {
        return Arrays.stream(values()).map(c -> c.header).toList();
    }
}
