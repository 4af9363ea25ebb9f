package org.joinedup.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.joinedup.integration.VerificationLevel;
import org.joinedup.search.SearchCriteriaParser;
import org.joinedup.search.SearchParams;
import org.joinedup.search.SearchResult;
import org.joinedup.search.SearchService;

/**
 * The current search as CSV, a shortlist to take away: the same search service and so the same
 * visibility as the page (never contact details). At most {@link #MAX_ROWS} leaders.
 */
@ApplicationScoped
public class ResultsCsv {

    static final int MAX_ROWS = 1000;
    private static final int PAGE = 100;
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final List<String> HEADER = List.of("id", "name", "current role", "organisation", "home area", "region",
            "willing to mentor", "places left", "matching records", "best verification", "best verification since", "why", "profile");

    @Inject
    SearchCriteriaParser parser;

    @Inject
    SearchService search;

    String write(SearchParams params) {
        var out = new StringBuilder();
        line(out, HEADER);
        params.size = String.valueOf(PAGE);
        for (int page = 0; page * PAGE < MAX_ROWS; page++) {
            params.page = String.valueOf(page);
            SearchResult result = search.search(parser.parse(params));
            for (var hit : result.hits()) {
                var leader = hit.leader();
                var best = best(hit.matchedRecords());
                line(out, List.of(String.valueOf(leader.id()), leader.name(), text(leader.currentRole()), text(leader.organisation() == null ? null : leader.organisation().name()),
                        text(leader.homeArea().name()), text(leader.homeArea().regionName()), leader.mentoring().willing() ? "yes" : "no",
                        String.valueOf(leader.mentoring().capacityLeft()),
                        String.join("; ", hit.matchedRecords().stream().map(SearchResult.MatchedRecord::title).toList()),
                        best.map(SearchResult.MatchedRecord::verification).orElse(""),
                        best.map(r -> Formats.isoDay(r.verificationSince())).orElse(""),
                        String.join("; ", hit.why()), "/leaders/" + leader.id()));
            }
            if (result.page() + 1 >= result.totalPages()) {
                break;
            }
        }
        return out.toString();
    }

    /** The matching record with the strongest corroboration, the longest-standing among equals: its level and since when go out. */
    private static Optional<SearchResult.MatchedRecord> best(List<SearchResult.MatchedRecord> records) {
        Comparator<SearchResult.MatchedRecord> strongest = Comparator.comparing(
                r -> VerificationLevel.fromCode(r.verification()).orElse(VerificationLevel.SELF_REPORTED));
        return records.stream().max(strongest.thenComparing(r -> r.verificationSince() == null ? Instant.MAX : r.verificationSince(),
                Comparator.reverseOrder()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * RFC 4180 quoting, every cell. A cell starting with = + - @, a tab or a carriage return is
     * prefixed with ' so a spreadsheet does not run it as a formula (OWASP's CSV injection list:
     * spreadsheets skip a leading tab or CR and then read the formula behind it).
     */
    static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            var cell = cells.get(i);
            if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            out.append(i == 0 ? "" : ",").append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }
}
