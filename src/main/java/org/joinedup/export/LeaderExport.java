package org.joinedup.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.search.Audience;
import org.joinedup.search.SearchMatches;
import org.joinedup.search.SearchParams;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * Leaders and their records as CSV, one row per matching record (see {@link Column}), streamed:
 * the header leaves at once, then a chunk of leaders at a time is found, read and written, so
 * neither the service nor the client waits for or holds the whole export, and there is no row cap.
 * What the caller sees is what their search or the profile shows them: hidden leaders, drafts and
 * rejected corroboration never, contact details never.
 */
@ApplicationScoped
public class LeaderExport {

    private static final Logger LOG = Logger.getLogger(LeaderExport.class);
    /** Leaders per chunk: found in one search request, read in one transaction, written, then let go. */
    static final int CHUNK = 500;

    @Inject
    SearchMatches matches;

    @Inject
    ExportReads reads;

    @Inject
    Vocabularies vocabularies;

    @ConfigProperty(name = "joinedup.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /**
     * Every leader a search finds (every page), one row per record that matched it; with no record
     * criteria in the search every published record of a leader matches. Bad parameters are a 400
     * problem and search being down a 503, both here, before anything is written.
     */
    public StreamingOutput search(SearchParams params) {
        // every page is exported: the page asked for does not narrow it, nor can it be out of range
        params.page = "0";
        params.size = "1";
        var cursor = matches.open(params);
        return out -> {
            try (cursor) {
                var csv = writer(out);
                List<SearchMatches.Match> batch;
                while (!(batch = cursor.next(CHUNK)).isEmpty()) {
                    write(csv, batch, cursor.audience());
                }
                csv.flush();
            }
        };
    }

    /**
     * These leaders, in this order, one row per published record (a leader without records gets
     * one row of their own): for shortlists. Leaders the audience may not see, and ids of no leader,
     * are left out without a word, as search leaves them out.
     */
    public StreamingOutput leaders(List<Long> leaderIds, Audience audience) {
        var ids = List.copyOf(new LinkedHashSet<>(leaderIds));
        return out -> {
            var csv = writer(out);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                var batch = ids.subList(from, Math.min(ids.size(), from + CHUNK)).stream()
                        .map(id -> new SearchMatches.Match(id, true, List.of())).toList();
                write(csv, batch, audience);
            }
            csv.flush();
        };
    }

    /** An export as a download, for the API and the page alike. */
    public static Response attachment(StreamingOutput csv) {
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"joinedup-leaders.csv\"").build();
    }

    /** The header, already sent: the first bytes leave before the first search request. */
    private static Writer writer(OutputStream out) throws IOException {
        var csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        CsvLine.write(csv, Column.HEADER);
        csv.flush();
        return csv;
    }

    private void write(Writer csv, List<SearchMatches.Match> batch, Audience audience) throws IOException {
        var chunk = reads.read(batch.stream().map(SearchMatches.Match::leaderId).toList());
        var labels = (Column.Labels) this::item;
        String profile = publicUrl + "/leaders/";
        int rows = 0;
        for (var match : batch) {
            var leader = chunk.leaders().get(match.leaderId());
            // checked again here: the leader may have been hidden since the index last heard of them
            if (leader == null || !audience.sees(leader.id(), leader.visibility())) {
                continue;
            }
            var wanted = match.allRecords() ? null : new HashSet<>(match.recordIds());
            var records = new ArrayList<>(chunk.records().getOrDefault(leader.id(), List.of()));
            if (wanted != null) {
                records.removeIf(r -> !wanted.contains(r.id()));
            }
            if (records.isEmpty() && match.allRecords()) {
                // a leader without records is still on the list, with the record columns empty
                CsvLine.write(csv, Column.cells(new Column.Row(leader, null, labels, profile)));
                rows++;
            }
            for (var record : records) {
                CsvLine.write(csv, Column.cells(new Column.Row(leader, record, labels, profile)));
                rows++;
            }
        }
        csv.flush();
        LOG.debugf("Exported %d rows for %d leaders", rows, batch.size());
    }

    private Optional<VocabularyItem> item(VocabularyKind kind, String code) {
        return code == null ? Optional.empty() : vocabularies.get(kind).find(code);
    }
}
