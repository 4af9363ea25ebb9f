package org.joinedup.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.platform.OneLine;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AccountService;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Asking for an account: the address is confirmed through a one-time link, then programme staff
 * approve (an account is made, with a link to set its password) or reject it. Until approval there
 * is no account, so nothing to sign in to. The answer to the asker is the same whether or not the
 * address has an account already (that person is mailed a reminder instead).
 */
@ApplicationScoped
@Transactional
public class AccountRequestService {

    private static final Logger LOG = Logger.getLogger(AccountRequestService.class);
    public static final String CONFIRM_PAGE = "/account/confirm";
    /** The longest name or job title, and organisation code, an ask may give (the API's limits, for the page too). */
    public static final int MAX_NAME = 200;
    public static final int MAX_ORGANISATION = 20;

    /** What the asker is told: always the same but for what the domain matched, which depends on the address only. */
    public record Asked(DomainMatch domain, String next) {
    }

    /** Programme staff's decision: the role the account gets (commissioner, or leader with its leader), its organisation. */
    public record Approval(String role, Long leaderId, String organisation) {
    }

    @Inject
    OneTimeLinks links;

    @Inject
    AccountLinksConfig config;

    @Inject
    OrganisationDomains domains;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    AccountService accounts;

    @Inject
    LeaderService leaders;

    @Inject
    MailOutbox mail;

    @Inject
    AuditTrail audit;

    @Inject
    MailAskLimits limits;

    @Inject
    CurrentUser user;

    /**
     * {@code client} is the asker's IP address: past its limit of asks (MailAskLimits) nothing is
     * written or mailed, and so past the address's limit of confirmation mails, with the same answer.
     */
    public Asked ask(String email, String fullName, String jobTitle, String organisation, String client) {
        var address = Addresses.normalise("email", email);
        if (fullName == null || fullName.isBlank()) {
            throw ProblemException.invalid(Violation.body("fullName", "is required"));
        }
        // the API's limits, here too for the page that calls this directly; the name is said in the mail below
        var violations = new ArrayList<Violation>();
        OneLine.check("fullName", fullName, MAX_NAME, violations);
        OneLine.check("jobTitle", jobTitle, MAX_NAME, violations);
        if (organisation != null && organisation.strip().length() > MAX_ORGANISATION) {
            violations.add(Violation.body("organisation", "must be at most " + MAX_ORGANISATION + " characters"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (organisation != null && !organisation.isBlank() && organisations.find(organisation.strip()).isEmpty()) {
            throw ProblemException.invalid(Violation.body("organisation", "'" + organisation + "' is not a known organisation code; "
                    + OrganisationDirectory.LOOKUP_HINT));
        }
        var match = domains.match(address);
        var answer = new Asked(match, "We have sent a link to " + address + ". Follow it within "
                + hours(config.confirmationLifetime()) + " to confirm the address; programme staff then look at your request.");
        if (!limits.clientMayAsk(client)) {
            LOG.infof("An account request was not taken: its client reached its limit of asks");
            return answer;
        }
        // locked first, so simultaneous asks with the address take turns (and find each other's request)
        var sent = limits.address(address);
        if (accounts.addressTaken(address)) {
            // never say so in the answer: the address's owner is told instead (once a day at most; nothing to a disabled account)
            accounts.findEnabledByEmail(address).ifPresent(owner -> mail.enqueue(new Mail(owner.id(), address, MailKind.SECURITY,
                    "account-request-has-account-" + LocalDate.now(ZoneOffset.UTC), "You already have a JoinedUp account",
                    "Someone (perhaps you) asked for a JoinedUp account with this address, but it has one already: " + owner.username()
                            + ". Sign in, or if you have forgotten the password, reset it at " + links.page("/account/forgot")
                            + ".\n\nIf it was not you, you need do nothing.\n",
                    "Someone asked for a JoinedUp account with your address")));
            LOG.infof("An account was asked for with an address that has one; its owner is mailed if the account is enabled");
            return answer;
        }
        var open = AccountRequest.openFor(address);
        boolean again = open.isPresent();
        if (again && AccountRequest.PENDING.equals(open.get().state)) {
            // confirmed already: what the address's owner confirmed waits for staff as it is; anyone can type an address
            LOG.infof("Account request %d is confirmed already; asked again, it is left as its owner confirmed it", open.get().id);
            return answer;
        }
        if (again && links.openSinceForRequest(LinkPurpose.ADDRESS_CONFIRMATION, open.get().id, Instant.now().minus(config.resetQuietPeriod()))) {
            return answer; // asked again at once: the link just mailed still works, and the address is not flooded
        }
        boolean mailing = limits.mayMail(sent);
        if (again && !mailing) {
            // past the address's limit: the link mailed last still works until it runs out, for the details it was mailed for
            LOG.infof("Account request %d: no new confirmation mail, its address had its limit this hour", open.get().id);
            return answer;
        }
        // new details only with a new link to the address, so what is confirmed is what its owner was mailed about
        var request = open.orElseGet(AccountRequest::new);
        request.email = address;
        request.fullName = fullName.strip();
        request.jobTitle = jobTitle == null || jobTitle.isBlank() ? null : jobTitle.strip();
        request.organisationCode = organisation == null || organisation.isBlank() ? null : organisation.strip();
        request.domainMatch = match.kind();
        request.matchedOrganisation = match.organisation() == null ? null : match.organisation().code();
        if (!again) {
            request.state = AccountRequest.UNCONFIRMED;
            request.persist();
        }
        AccountRequest.flush();
        if (!mailing) {
            LOG.infof("Account request %d: no confirmation mail, its address had its limit this hour", request.id);
            audit.record("account-request", "account-request", request.id, null, view(request));
            return answer;
        }
        links.revokeForRequest(LinkPurpose.ADDRESS_CONFIRMATION, request.id); // the new link replaces the one mailed before
        var token = links.issue(LinkPurpose.ADDRESS_CONFIRMATION, new OneTimeLinks.Subject(null, null, request.id, address),
                config.confirmationLifetime(), "self");
        mail.enqueue(new Mail(null, address, MailKind.SECURITY, "account-request-" + request.id + "-confirm-" + Instant.now().toEpochMilli(),
                "Confirm your address for JoinedUp",
                "Hello " + request.fullName + ",\n\nTo ask for a JoinedUp account with this address, confirm it here:\n\n"
                        + links.url(CONFIRM_PAGE, token) + "\n\nThe link works once, for " + hours(config.confirmationLifetime())
                        + ". Programme staff then look at your request and we mail you their decision.\n\nIf you did not ask, you need do nothing.\n",
                "Someone (we hope you) asked for a JoinedUp account with this address"));
        audit.record(again ? "account-request-again" : "account-request", "account-request", request.id, null, view(request));
        return answer;
    }

    /** Confirms the address; empty if the link does not work (forged, used, out of date). */
    public Optional<AccountRequestView> confirm(String token) {
        return links.use(token, LinkPurpose.ADDRESS_CONFIRMATION).flatMap(link -> AccountRequest.<AccountRequest>findByIdOptional(link.requestId()))
                .filter(r -> AccountRequest.UNCONFIRMED.equals(r.state)).map(request -> {
                    request.state = AccountRequest.PENDING;
                    request.confirmedAt = Instant.now();
                    audit.record("account-request-confirm", "account-request", request.id, null, null);
                    return view(request);
                });
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<AccountRequestView> peekConfirmation(String token) {
        return links.peek(token, LinkPurpose.ADDRESS_CONFIRMATION).flatMap(l -> AccountRequest.<AccountRequest>findByIdOptional(l.requestId()))
                .map(this::view);
    }

    @Transactional(TxType.SUPPORTS)
    public List<AccountRequestView> inState(String state) {
        return AccountRequest.inState(state).stream().map(this::view).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<AccountRequestView> find(long id) {
        return AccountRequest.<AccountRequest>findByIdOptional(id).map(this::view);
    }

    /** Makes the account and mails a link to set its password; only a pending (confirmed) request. */
    public Optional<AccountRequestView> approve(long id, Approval approval) {
        Optional<AccountRequest> found = AccountRequest.findByIdOptional(id);
        found.ifPresent(request -> {
            requirePending(request);
            var role = approval.role() == null || approval.role().isBlank() ? Roles.COMMISSIONER : approval.role();
            if (!List.of(Roles.COMMISSIONER, Roles.LEADER).contains(role)) {
                throw ProblemException.invalid(Violation.body("role", "programme staff give the role commissioner or leader; admins give others "
                        + "afterwards", List.of(Roles.COMMISSIONER, Roles.LEADER)));
            }
            if (Roles.LEADER.equals(role) && (approval.leaderId() == null || leaders.find(approval.leaderId()).isEmpty())) {
                throw ProblemException.invalid(Violation.body("leaderId", "a leader account needs the id of an existing leader"));
            }
            var organisation = approval.organisation() != null && !approval.organisation().isBlank() ? approval.organisation().strip()
                    : request.matchedOrganisation != null ? request.matchedOrganisation : request.organisationCode;
            if (organisation != null && organisations.find(organisation).isEmpty()) {
                throw ProblemException.invalid(Violation.body("organisation", "'" + organisation + "' is not a known organisation code"));
            }
            var before = view(request);
            var account = accounts.createApproved(request.email, request.fullName, request.jobTitle, organisation, role,
                    Roles.LEADER.equals(role) ? approval.leaderId() : null);
            request.state = AccountRequest.APPROVED;
            request.decidedAt = Instant.now();
            request.decidedBy = user.name();
            request.accountId = account.id();
            var token = links.issue(LinkPurpose.SET_PASSWORD, new OneTimeLinks.Subject(account.id(), null, request.id, request.email),
                    config.invitationLifetime(), user.name());
            mail.enqueue(new Mail(account.id(), request.email, MailKind.SECURITY, "account-request-" + id + "-approved",
                    "Your JoinedUp account is ready",
                    "Hello " + request.fullName + ",\n\nProgramme staff approved your request. Your username is " + request.email
                            + ". Set your password here:\n\n" + links.url(PasswordResetService.RESET_PAGE, token)
                            + "\n\nThe link works once, for " + days(config.invitationLifetime()) + ". If it has run out, ask for a password reset.\n",
                    "You asked for a JoinedUp account"));
            audit.record("account-request-approve", "account-request", id, before, view(request));
            LOG.infof("%s approved account request %d", user.name(), id);
        });
        return found.map(this::view);
    }

    public Optional<AccountRequestView> reject(long id, String note) {
        Optional<AccountRequest> found = AccountRequest.findByIdOptional(id);
        found.ifPresent(request -> {
            requirePending(request);
            var before = view(request);
            request.state = AccountRequest.REJECTED;
            request.decidedAt = Instant.now();
            request.decidedBy = user.name();
            request.decisionNote = note == null || note.isBlank() ? null : note.strip();
            mail.enqueue(new Mail(null, request.email, MailKind.SECURITY, "account-request-" + id + "-rejected",
                    "Your request for a JoinedUp account",
                    "Hello " + request.fullName + ",\n\nProgramme staff did not approve your request for a JoinedUp account."
                            + (request.decisionNote == null ? "" : "\n\nTheir note: " + request.decisionNote)
                            + "\n\nIf you think this is a mistake, ask again with your work address, or contact the programme team.\n",
                    "You asked for a JoinedUp account"));
            audit.record("account-request-reject", "account-request", id, before, view(request));
        });
        return found.map(this::view);
    }

    private static void requirePending(AccountRequest request) {
        if (!AccountRequest.PENDING.equals(request.state)) {
            throw ProblemException.conflict("the request is " + request.state + ": only a confirmed, undecided request can be decided");
        }
    }

    AccountRequestView view(AccountRequest r) {
        var match = new DomainMatch(r.domainMatch, OrganisationDomains.domainOf(r.email),
                r.matchedOrganisation == null ? null : organisations.find(r.matchedOrganisation).orElse(null));
        return new AccountRequestView(r.id, r.email, r.fullName, r.jobTitle, r.organisationCode == null ? null
                : organisations.find(r.organisationCode).orElse(null), match, r.state, r.createdAt, r.confirmedAt, r.decidedAt, r.decidedBy,
                r.decisionNote, r.accountId);
    }

    private static String hours(Duration d) {
        return d.toHours() >= 1 ? d.toHours() + (d.toHours() == 1 ? " hour" : " hours") : d.toMinutes() + " minutes";
    }

    private static String days(Duration d) {
        return d.toDays() >= 1 ? d.toDays() + (d.toDays() == 1 ? " day" : " days") : hours(d);
    }
}
