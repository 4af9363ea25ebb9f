package org.joinedup.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.joinedup.integration.CorroborationRequestInput;
import org.joinedup.integration.CorroborationService;
import org.joinedup.integration.EndorsementInput;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordInput;
import org.joinedup.integration.RecordView;
import org.joinedup.integration.VerificationInput;
import org.joinedup.leader.LeaderService;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.security.AccountInput;
import org.joinedup.security.AccountService;
import org.joinedup.security.Roles;
import org.joinedup.security.SignedInAccount;

/**
 * The demo's corroboration, given the way the product gives it: illustrative demo partner
 * accounts of the endorsing organisations are asked and confirm, an illustrative programme
 * account verifies, and the first curated leader's records show each state a record can be in.
 * Every rule is checked before a call, so a demo endorsement the rules would refuse is skipped and
 * counted, never half-written (a refusal would mark the whole demo load's transaction for rollback).
 */
@ApplicationScoped
class DemoCorroboration {

    private static final Logger LOG = Logger.getLogger(DemoCorroboration.class);
    static final String VERIFIER = "demo-programme-verifier";
    static final String DEFAULT_PROGRAMME = "other";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A demo record as loaded, with what its data file says about corroboration. */
    record Loaded(long recordId, long leaderId, JsonNode endorsements, boolean verified, boolean curated) {
    }

    @Inject
    CorroborationService corroboration;

    @Inject
    IntegrationRecordService records;

    @Inject
    LeaderService leaders;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    AccountService accounts;

    @Inject
    SignedInAccount signedIn;

    @Inject
    ObjectMapper json;

    private final Map<String, String> partnerAccounts = new LinkedHashMap<>();
    private int confirmed;
    private int verified;
    private int skipped;

    @Transactional(TxType.MANDATORY)
    void load(List<Loaded> loaded, Optional<String> demoPassword) {
        partnerAccounts.clear();
        confirmed = verified = skipped = 0;
        String password = demoPassword.filter(p -> !p.isBlank()).orElseGet(DemoCorroboration::unusablePassword);
        accounts.createIllustrative(new AccountInput(VERIFIER, password, List.of(Roles.PROGRAMME), null, "Demo programme verifier",
                "Programme verifier (illustrative)", null));
        DemoMail.giveAddress(VERIFIER);
        for (var record : loaded) {
            var view = records.find(record.recordId()).orElseThrow();
            var given = new HashSet<String>();
            for (JsonNode endorsement : record.endorsements()) {
                var role = endorsement.path("endorserRole").asText("");
                if (role.toLowerCase(Locale.ROOT).contains("verifier")) {
                    continue; // the files name the programme's verifier as an endorser; a verification stands for it below
                }
                var organisation = partnerOf(view, record.leaderId(), endorsement.path("endorserOrganisation").asText(""));
                if (organisation.isEmpty() || !given.add(organisation.get().code())) {
                    skipped++;
                    continue;
                }
                var username = partnerAccount(organisation.get(), endorsement.path("endorserName").asText(null), role, password);
                ask(record.recordId(), organisation.get().code());
                answer(username, record.recordId(), "confirmed", text(endorsement.path("comment")));
                confirmed++;
            }
            if (record.verified()) {
                verify(record.recordId(), view.programme());
            }
        }
        var states = loaded.stream().filter(Loaded::curated).findFirst().map(first -> showStates(first.leaderId(), loaded, password)).orElse("");
        LOG.infof("Demo corroboration (illustrative): %d confirmations by %d demo partner accounts, %d verifications by %s; "
                + "%d endorsements in the data files skipped (organisation not found among the record's partners, the leader's own, "
                + "or named twice)%s", confirmed, partnerAccounts.size(), verified, VERIFIER, skipped, states);
    }

    /**
     * The first curated leader (demo-leader) shows every state: asked and not answered, confirmed
     * (from the data), rejected, and changed since verified (a material edit after verification).
     */
    private String showStates(long leaderId, List<Loaded> loaded, String password) {
        var theirs = loaded.stream().filter(l -> l.leaderId() == leaderId).map(l -> records.find(l.recordId()).orElseThrow()).toList();
        var out = new StringBuilder();
        var asked = freePartner(theirs, 0, leaderId);
        asked.ifPresent(p -> {
            var username = partnerAccount(p.organisation(), null, null, password);
            ask(p.record().id(), p.organisation().code());
            out.append("; record ").append(p.record().id()).append(" asked of ").append(p.organisation().code())
                    .append(", not answered: sign in as ").append(username).append(" to confirm it");
        });
        freePartner(theirs, 1, leaderId).ifPresent(p -> {
            var username = partnerAccount(p.organisation(), null, null, password);
            ask(p.record().id(), p.organisation().code());
            answer(username, p.record().id(), "rejected", "We cannot match this to our own records (demo data).");
            out.append("; record ").append(p.record().id()).append(" rejected by ").append(username);
        });
        if (theirs.size() > 2) {
            var record = theirs.get(2);
            if (!record.verification().equals("verified")) {
                verify(record.id(), record.programme());
            }
            materialEdit(records.find(record.id()).orElseThrow());
            out.append("; record ").append(record.id()).append(" changed since it was verified");
        }
        return out.toString();
    }

    private record Partner(RecordView record, OrganisationView organisation) {
    }

    /** A partner of the leader's record at this index that is not their own organisation and has not been asked. */
    private Optional<Partner> freePartner(List<RecordView> theirs, int index, long leaderId) {
        if (theirs.size() <= index) {
            return Optional.empty();
        }
        var record = theirs.get(index);
        var own = leaders.organisationCode(leaderId).orElse(null);
        var asked = corroboration.requestsOf(record.id()).orElse(List.of()).stream().map(r -> r.organisation().code()).toList();
        return record.partnerOrganisations().stream().filter(o -> !o.code().equals(own) && !asked.contains(o.code())).findFirst()
                .map(o -> new Partner(record, o));
    }

    /** The organisation a data file's free-text endorser names, if it is one of the record's partners and not the leader's own. */
    private Optional<OrganisationView> partnerOf(RecordView record, long leaderId, String name) {
        var own = leaders.organisationCode(leaderId).orElse(null);
        return organisations.match(name)
                .filter(o -> record.partnerOrganisations().stream().anyMatch(p -> p.code().equals(o.code())))
                .filter(o -> !o.code().equals(own));
    }

    /** One demo partner account per organisation, named after its code; the first name and job title given for it stay. */
    private String partnerAccount(OrganisationView organisation, String fullName, String jobTitle, String password) {
        return partnerAccounts.computeIfAbsent(organisation.code(), code -> {
            var username = "demo-partner-" + code.toLowerCase(Locale.ROOT);
            accounts.createIllustrative(new AccountInput(username, password, List.of(Roles.COMMISSIONER), null,
                    fullName == null || fullName.isBlank() ? "Demo partner of " + organisation.name() : fullName,
                    jobTitle == null || jobTitle.isBlank() ? "Partner (illustrative)" : jobTitle, code));
            DemoMail.giveAddress(username);
            return username;
        });
    }

    private void ask(long recordId, String organisation) {
        signedIn.actingAs(VERIFIER, () -> corroboration.ask(recordId, new CorroborationRequestInput(organisation)));
    }

    private void answer(String username, long recordId, String decision, String comment) {
        signedIn.actingAs(username, () -> corroboration.endorse(recordId, new EndorsementInput(decision, comment)));
    }

    private void verify(long recordId, String programme) {
        signedIn.actingAs(VERIFIER, () -> corroboration.verify(recordId, new VerificationInput(programme == null ? DEFAULT_PROGRAMME : programme,
                "confirmed", "Checked against the programme's published evaluation (demo data).")));
        verified++;
    }

    /** The work started three months earlier: a material change, so the verification was given for an earlier version. */
    private void materialEdit(RecordView record) {
        var fields = (ObjectNode) json.valueToTree(record);
        fields.put("periodStart", record.periodStart().minusMonths(3).toString());
        records.update(record.id(), json.convertValue(fields, RecordInput.class), ExpectedVersion.fromBody(record.version()));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /** Demo accounts without a demo password can corroborate but never sign in. */
    static String unusablePassword() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
