package org.joinedup.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.importing.ImportCsv;
import org.joinedup.importing.ImportService;
import org.joinedup.integration.CoLeadService;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.leader.LeaderService;
import org.joinedup.matching.LearningRequestInput;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.PageRequest;
import org.joinedup.security.AccountInput;
import org.joinedup.security.AccountService;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Loads the demo set from seed-data/demo/ into an empty database at start. It goes through the
 * bulk import and the services, with the same rules as the API, so invalid demo data stops the
 * start instead of slipping in.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    static final List<String> FILES = List.of("seed-data/demo/curated-leaders.json", "seed-data/demo/generated-leaders.json");
    /** The list demo records are imported from, as their source says. */
    static final String DEMO_LIST = "JoinedUp demo data (illustrative)";

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    ImportService imports;

    @Inject
    LearningRequestService learningRequests;

    @Inject
    OrganisationDirectory organisations;

    /** Organisation codes by name as written (not by key: "NHS Dorset" and "Dorset Council" share one), while loading. */
    private final Map<String, String> codes = new HashMap<>();

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "joinedup.demo.load-on-empty")
    boolean loadOnEmpty;

    @ConfigProperty(name = "joinedup.demo.password")
    Optional<String> password;

    @Inject
    AccountService accounts;

    @Inject
    DemoCorroboration corroboration;

    @Inject
    DemoRounds rounds;

    @Inject
    CoLeadService coLeads;

    @ConfigProperty(name = "quarkus.http.host")
    String httpHost;

    @ConfigProperty(name = "joinedup.demo.accounts-off-loopback")
    boolean accountsOffLoopback;

    void onStart(@Observes StartupEvent start) {
        if (loadOnEmpty) {
            load();
        }
    }

    /**
     * All files in one transaction: either the whole demo set is there or none of it. The leaders and
     * their records go through the bulk import (the same checks and writes as a programme's file,
     * see docs/import.md), as rows made from the data files; learning requests, accounts and
     * corroboration through their services. More than the default 60 s timeout for a busy machine.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    void load() {
        if (leaders.list(new PageRequest(0, 1)).total() > 0) {
            return;
        }
        long started = System.nanoTime();
        codes.clear();
        var rows = new ArrayList<Map<String, String>>();
        var demoRecords = new ArrayList<DemoRecord>();
        var requests = new ArrayList<Map.Entry<String, ObjectNode>>();
        var leaderIds = new ArrayList<String>();
        var leaderByName = new HashMap<String, String>();
        var teams = new ArrayList<CoLed>();
        for (var file : FILES) {
            for (JsonNode leader : read(file).path("leaders")) {
                var leaderId = "demo-" + (leaderIds.size() + 1);
                leaderIds.add(leaderId);
                leaderByName.put(leader.path("name").asText(), leaderId);
                var leaderColumns = leaderRow(leaderId, leader);
                int n = 0;
                for (JsonNode record : leader.path("records")) {
                    var recordId = leaderId + "-" + (++n);
                    var row = new LinkedHashMap<>(leaderColumns);
                    row.putAll(recordRow(recordId, record));
                    rows.add(row);
                    for (JsonNode coLeader : record.path("coLeaders")) {
                        teams.add(new CoLed(recordId, coLeader.path("name").asText(), coLeader.path("role").asText()));
                    }
                    demoRecords.add(new DemoRecord(recordId, leaderId, record.path("endorsements").isArray() ? record.path("endorsements")
                            : json.createArrayNode(), "verified".equals(record.path("verification").asText()), file.equals(FILES.get(0))));
                }
                if (n == 0) {
                    rows.add(leaderColumns);
                }
                for (JsonNode request : leader.path("learningRequests")) {
                    requests.add(Map.entry(leaderId, (ObjectNode) request.deepCopy()));
                }
            }
        }
        var imported = imports.importNow(DEMO_LIST, new ByteArrayInputStream(ImportCsv.write(rows)), CurrentUser.SYSTEM);
        var leaderKeys = leaders.idsByExternalId(leaderIds);
        var recordKeys = records.idsByExternalId(demoRecords.stream().map(DemoRecord::externalId).toList());
        var loaded = new ArrayList<DemoCorroboration.Loaded>();
        for (var record : demoRecords) {
            loaded.add(new DemoCorroboration.Loaded(recordKeys.get(record.externalId()), leaderKeys.get(record.leaderExternalId()),
                    record.endorsements(), record.verified(), record.curated()));
        }
        for (var team : teams) {
            // a co-leader is another leader of the demo files, named as the file names them
            var coLeader = leaderKeys.get(leaderByName.get(team.coLeaderName()));
            coLeads.addConfirmed(recordKeys.get(team.recordExternalId()), coLeader, team.role());
        }
        for (var request : requests) {
            var fields = request.getValue();
            fields.put("learnerId", leaderKeys.get(request.getKey()));
            learningRequests.create(json.convertValue(fields, LearningRequestInput.class));
        }
        long importedAt = System.nanoTime();
        if (accountsAllowed()) {
            createDemoAccounts(leaderKeys.get(leaderIds.get(0)));
            corroboration.load(loaded, password);
            // nominees with a record to link: the first leaders of the files who have one
            rounds.load(demoRecords.stream().map(DemoRecord::leaderExternalId).distinct().limit(8).map(leaderKeys::get).toList(),
                    password.filter(p -> !p.isBlank()).orElseGet(DemoCorroboration::unusablePassword));
        } else {
            // the demo password is in the README: an admin account with it must not face a network, nor partner accounts
            LOG.errorf("No demo accounts, demo corroboration or demo rounds: the service listens on %s, not on loopback only "
                    + "(set joinedup.demo.accounts-off-loopback=true to allow it knowingly)", httpHost);
        }
        LOG.infof("Loaded demo data: %d illustrative leaders, %d records, %d learning requests in %d ms (leaders, records and requests"
                + " %d ms, of which the import %d ms; accounts and corroboration %d ms)", imported.leaders().create(),
                imported.records().create(), requests.size(), (System.nanoTime() - started) / 1_000_000, (importedAt - started) / 1_000_000,
                imported.millis(), (System.nanoTime() - importedAt) / 1_000_000);
    }

    /** Work led together (docs/co-led-records.md): a demo record's co-leader, named, confirmed from the start. */
    private record CoLed(String recordExternalId, String coLeaderName, String role) {
    }

    /** A demo record on its way through the import: its ids there and what its data file says about corroboration. */
    private record DemoRecord(String externalId, String leaderExternalId, JsonNode endorsements, boolean verified, boolean curated) {
    }

    /** The leader's columns of the import file (docs/import.md), from the data file's leader. */
    private Map<String, String> leaderRow(String externalId, JsonNode leader) {
        var row = new LinkedHashMap<String, String>();
        row.put("leader_external_id", externalId);
        row.put("name", leader.path("name").asText());
        row.put("current_role", text(leader, "currentRole"));
        if (leader.hasNonNull("organisation")) {
            var code = organisation(leader.path("organisation").asText());
            row.put("organisation", code == null ? "" : code);
        }
        row.put("home_area", text(leader, "homeArea"));
        row.put("sector", text(leader, "sector"));
        row.put("visibility", text(leader, "visibility"));
        row.put("doing_now", text(leader, "doingNow"));
        row.put("doing_now_as_of", text(leader, "doingNowAsOf"));
        var mentoring = leader.path("mentoring");
        row.put("mentoring_willing", mentoring.path("willing").asBoolean() ? "yes" : "no");
        row.put("mentoring_capacity", mentoring.has("capacity") ? mentoring.path("capacity").asText() : "");
        row.put("mentoring_formats", joined(mentoring.path("formats")));
        row.put("mentoring_trained", mentoring.path("trained").asBoolean() ? "yes" : "no");
        row.put("email", text(leader.path("contact"), "email"));
        row.put("phone", text(leader.path("contact"), "phone"));
        row.put("illustrative", leader.path("illustrative").asBoolean() ? "yes" : "no");
        return row;
    }

    /** The record's columns of the import file; its partner organisations by name become codes (or unlisted illustrative ones). */
    private Map<String, String> recordRow(String externalId, JsonNode record) {
        var row = new LinkedHashMap<String, String>();
        row.put("record_external_id", externalId);
        row.put("title", text(record, "title"));
        row.put("summary", text(record, "summary"));
        var areas = new ArrayList<String>();
        for (JsonNode area : record.path("areas")) {
            areas.add(area.hasNonNull("code") ? area.path("code").asText()
                    : area.path("country").asText() + ": " + area.path("place").asText() + " (" + area.path("latitude").asText() + ", "
                            + area.path("longitude").asText() + ")");
        }
        row.put("areas", String.join(";", areas));
        row.put("services", joined(record.path("services")));
        row.put("scope", text(record, "scope"));
        row.put("approaches", joined(record.path("approaches")));
        row.put("programme", text(record, "programme"));
        row.put("role", text(record, "role"));
        var partners = new ArrayList<String>();
        for (JsonNode name : record.path("partnerOrganisations")) {
            var code = organisation(name.asText());
            if (code != null) {
                partners.add(code);
            }
        }
        row.put("partner_organisations", String.join(";", partners));
        row.put("period_start", text(record, "periodStart"));
        row.put("period_end", text(record, "periodEnd"));
        for (var field : List.of("metric", "description", "baseline", "result", "unit", "period", "source")) {
            var values = new ArrayList<String>();
            record.path("outcomes").forEach(outcome -> values.add(text(outcome, field)));
            row.put("outcome_" + field, values.stream().allMatch(String::isEmpty) ? "" : String.join(";", values));
        }
        var urls = new ArrayList<String>();
        var titles = new ArrayList<String>();
        record.path("evidence").forEach(link -> {
            urls.add(text(link, "url"));
            titles.add(text(link, "title"));
        });
        row.put("evidence_urls", String.join(";", urls));
        row.put("evidence_titles", titles.stream().allMatch(String::isEmpty) ? "" : String.join(";", titles));
        return row;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : "";
    }

    private static String joined(JsonNode values) {
        var list = new ArrayList<String>();
        values.forEach(v -> list.add(v.asText()));
        return String.join(";", list);
    }

    /** One account per role, demo-leader being the first curated leader; only with a password from the environment. */
    private void createDemoAccounts(Long leaderId) {
        if (password.isEmpty() || password.get().isBlank()) {
            LOG.warn("No demo accounts: JOINEDUP_DEMO_PASSWORD is not set");
            return;
        }
        accounts.create(new AccountInput("demo-leader", password.get(), List.of(Roles.LEADER), leaderId));
        DemoMail.giveAddress("demo-leader");
        for (var role : List.of(Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN)) {
            accounts.create(new AccountInput("demo-" + role, password.get(), List.of(role), null));
            DemoMail.giveAddress("demo-" + role);
        }
        LOG.infof("Created demo accounts demo-leader (leader %d), demo-commissioner, demo-programme, demo-admin", leaderId);
    }

    private boolean accountsAllowed() {
        return loopback(httpHost) || accountsOffLoopback;
    }

    /** The interface names and addresses that reach this machine only (quarkus.http.host is a name or an address). */
    static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
    }

    /**
     * The data files name organisations as people write them; each name is matched to an
     * organisation, and one that matches none becomes an unlisted organisation marked illustrative.
     */
    private String organisation(String name) {
        // the same few hundred names recur across the files: one lookup each
        return codes.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT),
                key -> organisations.matchOrAddUnlisted(name, true).map(OrganisationView::code).orElse(null));
    }

    private JsonNode read(String resource) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
