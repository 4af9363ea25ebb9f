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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordInput;
import org.joinedup.leader.LeaderInput;
import org.joinedup.leader.LeaderService;
import org.joinedup.matching.LearningRequestInput;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.security.AccountInput;
import org.joinedup.security.AccountService;
import org.joinedup.security.Roles;

/**
 * Loads the demo set from seed-data/demo/ into an empty database at start. It goes through the
 * same services and rules as the API, so invalid demo data stops the start instead of slipping in.
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
    LearningRequestService learningRequests;

    @Inject
    OrganisationDirectory organisations;

    /** Organisation codes by name as written (not by key: "NHS Dorset" and "Dorset Council" share one), while loading. */
    private final java.util.Map<String, String> codes = new java.util.HashMap<>();

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "joinedup.demo.load-on-empty")
    boolean loadOnEmpty;

    @ConfigProperty(name = "joinedup.demo.password")
    java.util.Optional<String> password;

    @Inject
    AccountService accounts;

    @Inject
    DemoCorroboration corroboration;

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
     * All files in one transaction: either the whole demo set is there or none of it. It takes
     * 10-20 s on this hardware, longer on a busy machine, hence more than the default 60 s timeout.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    void load() {
        if (leaders.list(new org.joinedup.platform.PageRequest(0, 1)).total() > 0) {
            return;
        }
        long started = System.nanoTime();
        codes.clear();
        int leaderCount = 0;
        int recordCount = 0;
        int requestCount = 0;
        Long firstLeader = null;
        var loaded = new ArrayList<DemoCorroboration.Loaded>();
        for (var file : FILES) {
            for (JsonNode leader : read(file).path("leaders")) {
                long leaderId = leaders.create(leaderInput(leader)).id();
                firstLeader = firstLeader == null ? leaderId : firstLeader;
                leaderCount++;
                for (JsonNode record : leader.path("records")) {
                    loaded.add(addRecord(leaderId, (ObjectNode) record.deepCopy(), file.equals(FILES.get(0))));
                    recordCount++;
                }
                for (JsonNode request : leader.path("learningRequests")) {
                    var fields = (ObjectNode) request.deepCopy();
                    fields.put("learnerId", leaderId);
                    learningRequests.create(json.convertValue(fields, LearningRequestInput.class));
                    requestCount++;
                }
            }
        }
        if (accountsAllowed()) {
            createDemoAccounts(firstLeader);
            corroboration.load(loaded, password);
        } else {
            // the demo password is in the README: an admin account with it must not face a network, nor partner accounts
            LOG.errorf("No demo accounts and no demo corroboration: the service listens on %s, not on loopback only "
                    + "(set joinedup.demo.accounts-off-loopback=true to allow it knowingly)", httpHost);
        }
        LOG.infof("Loaded demo data: %d illustrative leaders, %d records, %d learning requests in %d ms", leaderCount, recordCount,
                requestCount, (System.nanoTime() - started) / 1_000_000);
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

    private LeaderInput leaderInput(JsonNode leader) {
        var fields = (ObjectNode) leader.deepCopy();
        fields.remove("records");
        fields.remove("learningRequests");
        if (fields.hasNonNull("organisation")) {
            var code = organisation(fields.path("organisation").asText());
            if (code == null) {
                fields.remove("organisation");
            } else {
                fields.put("organisation", code);
            }
        }
        return json.convertValue(fields, LeaderInput.class);
    }

    private DemoCorroboration.Loaded addRecord(long leaderId, ObjectNode record, boolean curated) {
        // the files' free-text endorsements and "verification" flag become corroboration given by demo accounts (DemoCorroboration)
        var endorsements = record.remove("endorsements");
        var verification = record.remove("verification");
        var names = record.remove("partnerOrganisations");
        var partners = record.putArray("partnerOrganisations");
        if (names != null) {
            for (JsonNode name : names) {
                var code = organisation(name.asText());
                if (code != null) {
                    partners.add(code);
                }
            }
        }
        long recordId = records.create(leaderId, json.convertValue(record, RecordInput.class), DEMO_LIST).orElseThrow().id();
        return new DemoCorroboration.Loaded(recordId, leaderId, endorsements == null ? json.createArrayNode() : endorsements,
                verification != null && "verified".equals(verification.asText()), curated);
    }

    /**
     * The data files name organisations as people write them; each name is matched to an
     * organisation, and one that matches none becomes an unlisted organisation marked illustrative.
     */
    private String organisation(String name) {
        // the same few hundred names recur across the files: one lookup each
        return codes.computeIfAbsent(name.strip().toLowerCase(java.util.Locale.ROOT),
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
