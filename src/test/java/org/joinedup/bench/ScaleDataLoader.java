package org.joinedup.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.joinedup.organisation.OrganisationNames;
import org.joinedup.organisation.OrganisationStore;
import org.postgresql.PGConnection;

/**
 * Benchmark tooling, not part of the service: loads a generated data set (DemoDataGenerator's JSON)
 * straight into the tables of a benchmark database with COPY, bypassing the API and the outbox on
 * purpose, so that 100,000 leaders take a minute instead of hours. The search index is then built
 * by the service's own reindex. Replaces whatever the tables held.
 *
 * <p>It writes what the service would write for the same file, as DemoDataLoader does: explicit
 * ids with the sequences advanced past them, version 0, revision 1, verification as in the file,
 * the file's endorsements as kind "endorsement" and, for a verified record, one "verification" by
 * the programme. Organisation names (a leader's own, records' partners) are matched to
 * organisations as the loader does, and a name that matches none is added as an unlisted,
 * illustrative organisation. It refuses any database whose name does not end in {@code _bench}.
 *
 * <pre>
 * ScaleDataLoader --file PATH [--jdbc URL] [--user U] [--password P] [--work-dir DIR]
 * </pre>
 */
public final class ScaleDataLoader {

    /** Tables in foreign-key order, with the columns the COPY files hold. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("leader", "id, version, revision, name, role_title, organisation_code, doing_now, doing_now_as_of, home_area_code, "
                + "mentoring_willing, mentoring_capacity, mentoring_formats, mentoring_trained, visibility, contact_email, "
                + "contact_phone, illustrative, created_at, updated_at");
        TABLES.put("integration_record", "id, leader_id, version, title, summary, services, scope, approaches, programme, role, "
                + "period_start, period_end, verification, created_at, updated_at");
        TABLES.put("record_partner", "record_id, position, organisation_code");
        TABLES.put("record_area", "record_id, position, area_code, country, place, latitude, longitude");
        TABLES.put("record_outcome", "record_id, position, metric, description, baseline, result, unit, period, source");
        TABLES.put("record_evidence", "record_id, position, title, url");
        TABLES.put("endorsement", "id, record_id, version, kind, endorser_name, stated_organisation, endorser_role, comment, created_at, updated_at");
    }

    private static final Map<String, String> SEQUENCES = Map.of("leader_seq", "leader", "record_seq", "integration_record",
            "endorsement_seq", "endorsement");

    private final Map<String, CopyFile> files = new HashMap<>();
    private final String now = Instant.now().toString();
    private long leaderId;
    private long recordId;
    private long endorsementId;
    /** Open while the file is read: organisation names are matched (or added) through it. */
    private Connection db;
    private final Map<String, String> organisationCodes = new HashMap<>();

    public static void main(String[] args) throws Exception {
        var opt = Options.parse(args, Map.of("--jdbc", "jdbc:postgresql://127.0.0.1:5442/joinedup_bench", "--user", "joinedup",
                "--password", "joinedup", "--work-dir", "target/bench/copy"));
        if (!opt.get("--file").isPresent()) {
            throw new IllegalArgumentException("usage: --file PATH [--jdbc URL] [--user U] [--password P] [--work-dir DIR]");
        }
        String jdbc = opt.value("--jdbc");
        // it truncates every registry table: never let it near a database that is not a benchmark's
        if (!jdbc.replaceFirst("\\?.*$", "").endsWith("_bench")) {
            throw new IllegalArgumentException("refusing to load into " + jdbc + ": the database name must end in _bench");
        }
        new ScaleDataLoader().run(Path.of(opt.value("--file")), Path.of(opt.value("--work-dir")), jdbc, opt.value("--user"),
                opt.value("--password"));
    }

    private void run(Path json, Path workDir, String jdbc, String user, String password) throws IOException, SQLException {
        long started = System.nanoTime();
        Files.createDirectories(workDir);
        for (var table : TABLES.keySet()) {
            files.put(table, new CopyFile(Files.newBufferedWriter(workDir.resolve(table + ".copy"), StandardCharsets.UTF_8)));
        }
        try (Connection connection = DriverManager.getConnection(jdbc, user, password)) {
            db = connection;
            db.setAutoCommit(false);
            try (var st = db.createStatement()) {
                // cascade: accounts, learning requests, mentorships and introductions refer to leaders
                st.execute("truncate " + String.join(", ", TABLES.keySet()) + ", search_outbox restart identity cascade");
            }
            try (JsonParser parser = new ObjectMapper().createParser(json.toFile())) {
                toLeadersArray(parser);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    writeLeader(parser.readValueAsTree());
                }
            } finally {
                for (var file : files.values()) {
                    file.out.close();
                }
            }
            System.out.printf("parsed %s: %d leaders, %d records, %d endorsements, %d organisation names in %.1f s%n", json, leaderId,
                    recordId, endorsementId, organisationCodes.size(), (System.nanoTime() - started) / 1e9);
            var copy = ((PGConnection) db).getCopyAPI();
            for (var table : TABLES.entrySet()) {
                long t = System.nanoTime();
                try (var in = Files.newBufferedReader(workDir.resolve(table.getKey() + ".copy"), StandardCharsets.UTF_8)) {
                    long rows = copy.copyIn("copy " + table.getKey() + " (" + table.getValue() + ") from stdin", in);
                    System.out.printf("copied %,d rows into %s in %.1f s%n", rows, table.getKey(), (System.nanoTime() - t) / 1e9);
                }
            }
            try (var st = db.createStatement()) {
                // the entities use pooled sequences (increment 50): the next block starts after the highest id
                for (var seq : SEQUENCES.entrySet()) {
                    st.execute("select setval('" + seq.getKey() + "', (select coalesce(max(id), 1) from " + seq.getValue() + "))");
                }
            }
            db.commit();
            db.setAutoCommit(true);
            try (var st = db.createStatement()) {
                st.execute("analyze");
            }
        }
        for (var table : TABLES.keySet()) {
            Files.deleteIfExists(workDir.resolve(table + ".copy"));
        }
        System.out.printf("loaded %d leaders and %d records in %.1f s%n", leaderId, recordId, (System.nanoTime() - started) / 1e9);
    }

    private static void toLeadersArray(JsonParser parser) throws IOException {
        while (parser.nextToken() != null) {
            if (parser.currentToken() == JsonToken.FIELD_NAME && "leaders".equals(parser.currentName())
                    && parser.nextToken() == JsonToken.START_ARRAY) {
                return;
            }
        }
        throw new IOException("no \"leaders\" array in the file");
    }

    /** The organisation a name means, added as an unlisted illustrative one when it matches none; null for a name of only noise. */
    private String organisation(String name) throws IOException {
        if (name == null || OrganisationNames.key(name).isEmpty()) {
            return null;
        }
        String key = OrganisationNames.key(name);
        if (!organisationCodes.containsKey(key)) {
            try {
                var code = OrganisationStore.match(db, name);
                organisationCodes.put(key, code.isPresent() ? code.get() : OrganisationStore.addUnlisted(db, name, "bench loader", true));
            } catch (SQLException e) {
                throw new IOException("cannot match organisation '" + name + "'", e);
            }
        }
        return organisationCodes.get(key);
    }

    private void writeLeader(JsonNode l) throws IOException {
        long id = ++leaderId;
        var mentoring = l.path("mentoring");
        var contact = l.path("contact");
        files.get("leader").row(id, 0, 1, l.path("name").asText().strip(), text(l, "currentRole"), organisation(text(l, "organisation")),
                text(l, "doingNow"), text(l, "doingNowAsOf"), text(l, "homeArea"), mentoring.path("willing").asBoolean(),
                mentoring.path("capacity").asInt(), strings(mentoring.path("formats")), mentoring.path("trained").asBoolean(),
                l.hasNonNull("visibility") ? l.get("visibility").asText() : "registered", text(contact, "email"),
                text(contact, "phone"), l.path("illustrative").asBoolean(), now, now);
        for (var r : l.path("records")) {
            writeRecord(id, r);
        }
    }

    private void writeRecord(long leader, JsonNode r) throws IOException {
        long id = ++recordId;
        var verification = r.path("verification").asText("self-reported");
        files.get("integration_record").row(id, leader, 0, r.path("title").asText().strip(), text(r, "summary"),
                strings(r.path("services")).stream().distinct().toList(), text(r, "scope"),
                strings(r.path("approaches")).stream().distinct().toList(), text(r, "programme"), text(r, "role"),
                text(r, "periodStart"), text(r, "periodEnd"), verification, now, now);
        int position = 0;
        var partners = new LinkedHashSet<String>();
        for (var name : strings(r.path("partnerOrganisations"))) {
            var code = organisation(name);
            if (code != null) {
                partners.add(code);
            }
        }
        for (var code : partners) {
            files.get("record_partner").row(id, position++, code);
        }
        position = 0;
        for (var a : r.path("areas")) {
            files.get("record_area").row(id, position++, text(a, "code"), text(a, "country"), text(a, "place"),
                    number(a, "latitude"), number(a, "longitude"));
        }
        position = 0;
        for (var o : r.path("outcomes")) {
            files.get("record_outcome").row(id, position++, text(o, "metric"), text(o, "description"), number(o, "baseline"),
                    number(o, "result"), text(o, "unit"), text(o, "period"), text(o, "source"));
        }
        position = 0;
        for (var e : r.path("evidence")) {
            files.get("record_evidence").row(id, position++, text(e, "title"), text(e, "url"));
        }
        for (var e : r.path("endorsements")) {
            files.get("endorsement").row(++endorsementId, id, 0, "endorsement", e.path("endorserName").asText().strip(),
                    e.path("endorserOrganisation").asText().strip(), text(e, "endorserRole"), text(e, "comment"), now, now);
        }
        if ("verified".equals(verification)) {
            // as DemoDataLoader does: a verified record carries the programme's verification
            files.get("endorsement").row(++endorsementId, id, 0, "verification", "Demo programme verifier",
                    "JoinedUp programme team", "Programme verifier (illustrative)",
                    "Checked against the programme's published evaluation (demo data).", now, now);
        }
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** Numbers go over as the file spells them, so numeric columns get exactly the file's value. */
    private static String number(JsonNode node, String field) {
        var value = node.path(field);
        return value.isNumber() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** One table's rows in COPY text format: tab-separated, \N for null, arrays as PostgreSQL array literals. */
    private record CopyFile(Writer out) {

        void row(Object... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                out.write(field(values[i]));
            }
            out.write('\n');
        }

        private static String field(Object value) {
            if (value == null) {
                return "\\N";
            }
            if (value instanceof Boolean b) {
                return b ? "t" : "f";
            }
            if (value instanceof List<?> list) {
                var literal = new StringBuilder("{");
                for (var element : list) {
                    literal.append(literal.length() > 1 ? "," : "")
                            .append('"').append(element.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                return escape(literal.append('}').toString());
            }
            return escape(value.toString());
        }

        private static String escape(String s) {
            return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
    }
}
