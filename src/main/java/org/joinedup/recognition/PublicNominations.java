package org.joinedup.recognition;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.joinedup.account.AccountLinksConfig;
import org.joinedup.account.Addresses;
import org.joinedup.account.LinkPurpose;
import org.joinedup.account.MailAskLimits;
import org.joinedup.account.OneTimeLinks;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.leader.Contact;
import org.joinedup.leader.LeaderService;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;

/**
 * Nominations without an account, in a round open to the public: kept unconfirmed (not counted, not
 * shown) until the address's owner follows the one-time link mailed to it. The answer is the same
 * whatever happened (a new nomination, a link sent again, nothing past a limit, one confirmed already),
 * so it tells nobody whether an address has nominated someone. The mail limits are the account
 * requests' (MailAskLimits): per client and per address.
 */
@ApplicationScoped
@Transactional
public class PublicNominations {

    private static final Logger LOG = Logger.getLogger(PublicNominations.class);
    public static final String CONFIRM_PAGE = "/nominations/confirm";

    /** What the nominator is told, whatever happened. */
    @Schema(name = "PublicNominationAnswer")
    public record Asked(String next) {
    }

    @Inject
    RoundService rounds;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    NominationService nominations;

    @Inject
    OneTimeLinks links;

    @Inject
    AccountLinksConfig config;

    @Inject
    MailAskLimits limits;

    @Inject
    MailOutbox mail;

    @Inject
    AuditTrail audit;

    /**
     * Anonymous: a round that is not taking nominations from the public is the shared 401 (sign in),
     * as before the public could nominate; one that does not exist is a 404, as for everyone.
     */
    public Asked nominate(long roundId, NominationInput input, String client) {
        if (NominationRound.findById(roundId) == null) {
            throw ProblemException.notFound("Round", roundId);
        }
        var round = rounds.visible(roundId).orElseThrow(UnauthorizedException::new);
        var violations = new ArrayList<Violation>();
        String address = null;
        try {
            address = Addresses.normalise("nominatorEmail", input.nominatorEmail());
        } catch (ProblemException e) {
            violations.addAll(e.problem().violations());
        }
        var nominee = input.nominee();
        Long nomineeId = nominee == null ? null : nominee.leaderId();
        if (nomineeId == null || nominee.name() != null || nominee.email() != null) {
            violations.add(Violation.body("nominee", "must be a leader of the registry ({\"leaderId\": 12}): only signed-in accounts "
                    + "nominate people not yet in it"));
        } else if (!leaders.visibleToCaller(nomineeId)) {
            throw ProblemException.notFound("Leader", nomineeId);
        }
        var reasons = NominationService.reasons(round, input.reasons(), violations);
        Set<Long> published = nomineeId == null ? Set.of()
                : records.recordsOfLeaders(List.of(nomineeId)).getOrDefault(nomineeId, List.of()).stream().map(RecordView::id)
                        .collect(Collectors.toSet());
        var recordIds = NominationService.recordIds(input.recordIds(), published, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        var answer = new Asked("We have sent a link to " + address + ". The nomination counts once you follow it, within "
                + config.confirmationLifetime().toHours() + " hours, while the round is taking nominations.");
        if (isNominees(address, nomineeId)) {
            // a leader signed out, nominating themselves: refused as signed in ("is you"), but in silence,
            // since a 400 here would tell anyone which address is a leader's (their contact may be hidden)
            LOG.infof("A public nomination in round %d was not taken: its address is the nominee's own", roundId);
            return answer;
        }
        if (!limits.clientMayAsk(client)) {
            LOG.infof("A public nomination in round %d was not taken: its client reached its limit of asks", roundId);
            return answer;
        }
        // locked first, so simultaneous asks with the address take turns and find each other's nomination
        var sent = limits.address(address);
        Optional<Nomination> found = Nomination.find("roundId = ?1 and lower(nominatorEmail) = ?2 and nomineeLeaderId = ?3", roundId, address,
                nomineeId).firstResultOptional();
        if (found.isPresent() && found.get().confirmedAt != null) {
            return answer; // confirmed already: nothing to send, and the answer does not say so
        }
        if (found.isPresent() && links.openSinceForNomination(LinkPurpose.NOMINATION_CONFIRMATION, found.get().id,
                Instant.now().minus(config.resetQuietPeriod()))) {
            return answer; // asked again at once: the link just mailed still works, and the address is not flooded
        }
        if (!limits.mayMail(sent)) {
            // past the address's limit: nothing new is written; a link mailed before still works until it runs out
            LOG.infof("A public nomination in round %d: no confirmation mail, its address had its limit this hour", roundId);
            return answer;
        }
        var nomination = found.orElseGet(Nomination::new);
        boolean again = nomination.id != null;
        // the latest words are the ones confirmed
        nomination.reasons.clear();
        nomination.reasons.putAll(reasons);
        nomination.recordIds.clear();
        nomination.recordIds.addAll(recordIds);
        if (!again) {
            nomination.roundId = roundId;
            nomination.nomineeLeaderId = nomineeId;
            nomination.nominatorEmail = address;
            nomination.persist();
        }
        Nomination.flush();
        links.revokeForNomination(LinkPurpose.NOMINATION_CONFIRMATION, nomination.id); // the new link replaces the one mailed before
        var token = links.issue(LinkPurpose.NOMINATION_CONFIRMATION, new OneTimeLinks.Subject(null, null, null, address, nomination.id),
                config.confirmationLifetime(), "public");
        var name = leaders.find(nomineeId).map(l -> l.name()).orElse("a leader");
        mail.enqueue(new Mail(null, address, MailKind.SECURITY, "nomination-" + nomination.id + "-confirm-" + Instant.now().toEpochMilli(),
                "Confirm your nomination in " + round.name,
                "Hello,\n\nYou (we hope) nominated " + name + " in " + round.name + " on JoinedUp. To confirm the nomination, follow this link:\n\n"
                        + links.url(CONFIRM_PAGE, token) + "\n\nThe link works once, for " + config.confirmationLifetime().toHours()
                        + " hours, and only while the round takes nominations (until " + round.nominationsCloseOn + "). Until it is "
                        + "confirmed the nomination does not count, and if it is never confirmed it is deleted.\n\nIf you did not nominate "
                        + "anyone, you need do nothing.\n",
                "Someone nominated a leader on JoinedUp with this address"));
        audit.record(again ? "nominate-public-again" : "nominate-public", NominationService.AUDITED, nomination.id, null,
                NominationService.audited(nomination));
        return answer;
    }

    /** Whether the address is the nominee's own: their account's or their contact address. */
    private boolean isNominees(String address, long nomineeId) {
        var own = new ArrayList<String>();
        Account.<Account>list("leaderId", nomineeId).forEach(a -> own.add(a.email));
        leaders.contact(nomineeId).map(Contact::email).ifPresent(own::add);
        return own.stream().anyMatch(email -> email != null && email.strip().equalsIgnoreCase(address));
    }

    /** What a working link would confirm (the nominee's name and the round's), without using it: for the page with the button. */
    public Optional<Unconfirmed> peek(String token) {
        return links.peek(token, LinkPurpose.NOMINATION_CONFIRMATION).filter(l -> l.nominationId() != null)
                .flatMap(l -> Nomination.<Nomination>findByIdOptional(l.nominationId())).filter(n -> n.confirmedAt == null)
                .flatMap(n -> leaders.find(n.nomineeLeaderId).map(leader -> new Unconfirmed(leader.name(),
                        NominationRound.<NominationRound>findById(n.roundId).name)));
    }

    public record Unconfirmed(String nominee, String round) {
    }

    /** Confirms the nomination the link names; empty if the link does not work (forged, used, replaced, out of date). */
    public Optional<NominationView> confirm(String token) {
        var found = links.use(token, LinkPurpose.NOMINATION_CONFIRMATION).filter(l -> l.nominationId() != null)
                .flatMap(l -> Nomination.<Nomination>findByIdOptional(l.nominationId())).filter(n -> n.confirmedAt == null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var nomination = found.get();
        NominationRound round = NominationRound.findById(nomination.roundId);
        var phase = round.phase(RoundService.today());
        if (phase != RoundPhase.NOMINATING) {
            // the transaction rolls back: the link stays unused, and runs out
            throw ProblemException.conflict("round " + round.id + " is " + phase.code() + ": a nomination is confirmed only while nominations "
                    + "are taken (" + round.nominationsOpenOn + " to " + round.nominationsCloseOn + ")");
        }
        nomination.confirmedAt = Instant.now();
        audit.record("nomination-confirm", NominationService.AUDITED, nomination.id, null, NominationService.audited(nomination));
        return Optional.of(nominations.view(nomination, round));
    }
}
