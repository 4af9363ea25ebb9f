package org.joinedup.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.mail.MailTimes;
import org.joinedup.platform.OneLine;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.TransactionLocks;
import org.joinedup.platform.Violation;
import org.joinedup.security.AccountService;
import org.joinedup.security.AccountView;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.PasswordPolicy;

/**
 * Programme staff invite a leader who has no account: a mail with a one-time link where the person
 * sets a password and takes the profile as their own. A new invitation replaces the last one.
 */
@ApplicationScoped
@Transactional
public class InvitationService {

    private static final Logger LOG = Logger.getLogger(InvitationService.class);
    public static final String CLAIM_PAGE = "/account/claim";

    /** The first key of the advisory lock on one leader's invitations (the second is the leader id). */
    private static final int INVITATIONS_LOCK = 0x494e56; // "INV"

    /** What an invitation answers: who was invited, where and until when the link works. */
    public record Invitation(long leaderId, String email, Instant expiresAt) {
    }

    @Inject
    OneTimeLinks links;

    @Inject
    AccountLinksConfig config;

    @Inject
    AccountService accounts;

    @Inject
    LeaderService leaders;

    @Inject
    MailOutbox mail;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    /** Invites one leader, as programme staff do; empty if there is no such leader. 409 if the leader or the address has an account. */
    public Optional<Invitation> invite(long leaderId, String email, String invitedBy) {
        return invite(leaderId, email, invitedBy, null);
    }

    /**
     * Invites one leader, the mail saying why in one sentence (someone named them on a record, or
     * nominated them), or that programme staff invited them when {@code why} is null.
     */
    public Optional<Invitation> invite(long leaderId, String email, String invitedBy, String why) {
        var leader = leaders.find(leaderId);
        if (leader.isEmpty()) {
            return Optional.empty();
        }
        var address = Addresses.normalise("email", email);
        lockInvitations(leaderId);
        requireNoAccount(leaderId, address);
        int replaced = links.revokeForLeader(LinkPurpose.INVITATION, leaderId);
        var expires = Instant.now().plus(config.invitationLifetime());
        var token = links.issue(LinkPurpose.INVITATION, new OneTimeLinks.Subject(null, leaderId, null, address), config.invitationLifetime(),
                invitedBy);
        // one line whatever was stored: a name (or a "why" holding one) kept from before names were checked cannot add lines to the mail
        var name = OneLine.flatten(leader.get().name());
        var said = OneLine.flatten(why);
        var reason = said != null ? said : "Programme staff invited you to claim the profile of " + name + " in JoinedUp";
        mail.enqueue(new Mail(null, address, MailKind.SECURITY, "invitation-" + leaderId + "-" + expires.toEpochMilli(),
                "You are invited to JoinedUp",
                "Hello " + name + ",\n\n" + (said != null ? said + "\n\n" : "") + "Your profile as a leader of joined-up care is in JoinedUp, the registry of people who have "
                        + "integrated health and social care. Set a password and take it as your own here:\n\n"
                        + links.url(CLAIM_PAGE, token) + "\n\nThe link works once, until " + MailTimes.ukTime(expires) + ". If it has run out, ask "
                        + "the programme team to invite you again.\n",
                reason));
        var invitation = new Invitation(leaderId, address, expires);
        audit.record(replaced > 0 ? "reinvite" : "invite", "leader", leaderId, null, invitation);
        LOG.infof("%s invited leader %d%s", invitedBy, leaderId, replaced > 0 ? " again (the earlier link no longer works)" : "");
        return Optional.of(invitation);
    }

    /**
     * Invites the leader as {@link #invite(long, String, String, String)} does, unless an invitation of
     * theirs still works: someone nominated again while they have not answered is not mailed again
     * (the link they hold is as good; once it runs out, a new nomination sends a new one). The
     * account checks hold either way, so the answer is the same whether or not a link was open.
     */
    public void inviteUnlessPending(long leaderId, String email, String invitedBy, String why) {
        lockInvitations(leaderId);
        requireNoAccount(leaderId, Addresses.normalise("email", email));
        if (!links.openForLeader(LinkPurpose.INVITATION, leaderId)) {
            invite(leaderId, email, invitedBy, why);
        }
    }

    /**
     * Invitations of one leader take turns until the transaction ends: without it, several at once
     * each revoke the links committed before them and all leave their own open. With it, the last
     * to commit has revoked every earlier one. (Taken again in the same transaction, it is just held twice.)
     */
    private void lockInvitations(long leaderId) {
        TransactionLocks.hold(em, INVITATIONS_LOCK, Long.hashCode(leaderId));
    }

    private void requireNoAccount(long leaderId, String address) {
        if (accounts.leaderHasAccount(leaderId)) {
            throw ProblemException.conflict("leader " + leaderId + " has an account already: they sign in, or reset its password");
        }
        if (accounts.addressTaken(address)) {
            throw ProblemException.conflict("an account has this mail address already; invite the leader at another address");
        }
    }

    /**
     * Invites several leaders (all those of an import, say), each with their address; one that
     * cannot be invited (no such leader, has an account, bad address) is reported, not fatal.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<String> inviteAll(Map<Long, String> addresses, String invitedBy) {
        var problems = new ArrayList<String>();
        addresses.forEach((leaderId, email) -> {
            try {
                // each in its own transaction: one that fails leaves the others invited
                if (QuarkusTransaction.requiringNew().call(() -> invite(leaderId, email, invitedBy)).isEmpty()) {
                    problems.add("leader " + leaderId + ": no such leader");
                }
            } catch (ProblemException e) {
                var violations = e.problem().violations();
                problems.add("leader " + leaderId + ": " + (violations == null || violations.isEmpty() ? e.getMessage()
                        : violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "))));
            }
        });
        return problems;
    }

    /** Whether the invitation link works (for the page, before the form). */
    @Transactional(TxType.SUPPORTS)
    public Optional<String> invitedAddress(String token) {
        return links.peek(token, LinkPurpose.INVITATION).map(OneTimeLinks.Link::email);
    }

    /**
     * Takes the invitation: an account with the leader role for the invited leader, with the chosen
     * username (or the address) and password. Empty if the link is forged, used, replaced or out of
     * date. The input is checked before the link is used, so a mistake does not spend it.
     */
    public Optional<AccountView> claim(String token, String username, String password) {
        var peeked = links.peek(token, LinkPurpose.INVITATION);
        if (peeked.isEmpty()) {
            return Optional.empty();
        }
        var name = username == null || username.isBlank() ? peeked.get().email() : username.strip().toLowerCase(Locale.ROOT);
        var problems = new ArrayList<Violation>();
        if (!name.equals(peeked.get().email()) && !name.matches("[a-z0-9._-]{3,60}")) {
            problems.add(Violation.body("username", "must be 3 to 60 letters, digits, '.', '_' or '-', or your mail address"));
        } else if (accounts.usernameTaken(name)) {
            problems.add(Violation.body("username", "is taken; choose another"));
        }
        problems.addAll(PasswordPolicy.check("password", password, name, peeked.get().email()));
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var link = links.use(token, LinkPurpose.INVITATION);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        var account = accounts.createClaimed(name, link.get().email(), password, link.get().leaderId());
        links.revokeForLeader(LinkPurpose.INVITATION, link.get().leaderId());
        return Optional.of(account);
    }
}
