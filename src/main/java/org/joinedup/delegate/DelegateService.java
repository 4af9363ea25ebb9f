package org.joinedup.delegate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.DelegateGrants;

/**
 * Grants and revokes delegates, and tells the security package who they are. Whether a delegate
 * may do a thing is decided in one place, {@link CurrentUser#mayEditFor}; what only the leader may
 * do stays behind {@link CurrentUser#mayActFor}, which a delegation never passes.
 */
@ApplicationScoped
@Transactional
public class DelegateService implements DelegateGrants {

    private static final Logger LOG = Logger.getLogger(DelegateService.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** The grant and whether this call made it (false: it was there already). */
    public record Granted(DelegateView delegate, boolean created) {
    }

    @Inject
    LeaderService leaders;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    @Inject
    MailOutbox mail;

    /**
     * Makes the account a delegate of the leader; empty when the leader is hidden from the caller.
     * Concurrent grants of the same account make one row: the insert does nothing on the unique
     * (leader, account) pair, and only the call that inserted audits and queues the mail.
     */
    public Optional<Granted> grant(long leaderId, DelegateInput input) {
        var leader = visibleLeader(leaderId);
        if (leader.isEmpty()) {
            return Optional.empty();
        }
        requireOwner(leader.get());
        var account = Account.byUsername(input.username())
                .orElseThrow(() -> ProblemException.invalid(Violation.body("username", "no account has this username")));
        if (account.leaderId != null && account.leaderId == leaderId) {
            throw ProblemException.invalid(Violation.body("username", "this is the leader's own account: a leader cannot be their own delegate"));
        }
        if (account.disabledAt != null) {
            throw ProblemException.invalid(Violation.body("username", "this account is disabled"));
        }
        @SuppressWarnings("unchecked")
        List<Number> inserted = Delegate.getEntityManager().createNativeQuery("""
                insert into delegate (leader_id, account_id, granted_by) values (:leader, :account, :by)
                on conflict (leader_id, account_id) do nothing returning id""")
                .setParameter("leader", leaderId).setParameter("account", account.id).setParameter("by", user.actor())
                .getResultList();
        var grant = Delegate.of(leaderId, account.id).orElseThrow();
        var view = view(grant, account);
        if (inserted.isEmpty()) {
            return Optional.of(new Granted(view, false));
        }
        audit.record("grant", "delegate", grant.id, null, new Audited(leaderId, view));
        tell(account, eventKey(leaderId, account, "granted"), "You can now edit " + leader.get().name() + "'s profile on JoinedUp",
                leader.get().name() + " has made you their delegate on JoinedUp (granted by " + grant.grantedBy + ").\n\n"
                        + "You can now change their profile and their integration records: open My work and follow the link with their name. "
                        + "You cannot change who sees their profile or their contact details, remove their profile or records, "
                        + "or answer introductions, mentorships or corroboration for them. Every change you make is recorded as yours, for them.\n\n"
                        + "If you did not expect this, tell them or programme staff.");
        LOG.infof("Account %d became a delegate of leader %d", account.id, leaderId);
        return Optional.of(new Granted(view, true));
    }

    /** The leader's delegates, for the leader and admins; empty when the leader is hidden from the caller. */
    @Transactional(TxType.SUPPORTS)
    public Optional<List<DelegateView>> list(long leaderId) {
        var leader = visibleLeader(leaderId);
        if (leader.isEmpty()) {
            return Optional.empty();
        }
        requireOwner(leader.get());
        return Optional.of(Delegate.ofLeader(leaderId).stream()
                .map(d -> view(d, Account.<Account>findById(d.accountId))).toList());
    }

    /**
     * Ends a grant: the leader or an admin, or the delegate stepping down. False when there is no
     * such grant (or the leader is hidden); anyone else is refused before the grant is looked up, so
     * a refusal never says whether an account is a delegate.
     */
    public boolean revoke(long leaderId, String username) {
        var leader = visibleLeader(leaderId);
        if (leader.isEmpty()) {
            return false;
        }
        boolean self = user.signedIn() && user.name().equalsIgnoreCase(username.strip());
        if (!self) {
            requireOwner(leader.get());
        }
        var account = Account.byUsername(username);
        var grant = account.flatMap(a -> Delegate.of(leaderId, a.id));
        if (grant.isEmpty()) {
            return false;
        }
        int deleted = Delegate.getEntityManager().createNativeQuery("delete from delegate where id = :id")
                .setParameter("id", grant.get().id).executeUpdate();
        if (deleted == 0) {
            // revoked by someone else since it was read: the outcome they wanted holds
            return true;
        }
        audit.record("revoke", "delegate", grant.get().id, new Audited(leaderId, view(grant.get(), account.get())), null);
        tell(account.get(), eventKey(leaderId, account.get(), "revoked"), "You can no longer edit " + leader.get().name() + "'s profile on JoinedUp",
                (self ? "You stepped down" : user.actor() + " ended your access") + " as " + leader.get().name()
                        + "'s delegate on JoinedUp. You can no longer change their profile or records.\n\n"
                        + "If you did not expect this, tell them or programme staff.");
        LOG.infof("Account %d is no longer a delegate of leader %d", account.get().id, leaderId);
        return true;
    }

    /** The leaders the signed-in account is a delegate of. */
    @Transactional(TxType.SUPPORTS)
    public List<DelegationView> mine() {
        if (!user.signedIn()) {
            return List.of();
        }
        return Account.byUsername(user.name()).map(a -> Delegate.ofAccount(a.id).stream()
                .map(d -> new DelegationView(d.leaderId, leaders.find(d.leaderId).map(LeaderView::name).orElse(""), d.grantedAt)).toList())
                .orElse(List.of());
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Set<Long> leadersOf(String username) {
        return Account.byUsername(username).map(a -> Delegate.ofAccount(a.id).stream().map(d -> d.leaderId).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /** What the audit trail keeps of a grant: whose delegate, and who. */
    record Audited(long leaderId, DelegateView delegate) {
    }

    private Optional<LeaderView> visibleLeader(long leaderId) {
        return leaders.visibleToCaller(leaderId) ? leaders.find(leaderId) : Optional.empty();
    }

    private void requireOwner(LeaderView leader) {
        if (!user.mayActFor(leader.id())) {
            throw ProblemException.forbidden("only " + leader.name() + " (or an admin) grants and revokes their delegates");
        }
    }

    /**
     * The mail's event key: one per leader, delegate account, kind and UK day, not per grant row, so
     * a leader granting and revoking in a loop mails the delegate (who cannot turn security mail
     * off) at most one "granted" and one "revoked" a day; the outbox drops a second of the same key.
     */
    private static String eventKey(long leaderId, Account account, String kind) {
        return "delegate-" + leaderId + "-" + account.id + "-" + LocalDate.now(UK) + "-" + kind;
    }

    /** A security mail, to the delegate's own address; none for an account without one or a disabled account. */
    private void tell(Account account, String eventKey, String subject, String text) {
        if (account.email == null || account.disabledAt != null) {
            return;
        }
        mail.enqueue(new Mail(account.id, account.email, MailKind.SECURITY, eventKey, subject, text,
                "You get this because a leader on JoinedUp named your account as their delegate; mail about who may act for whom is always sent."));
    }

    private static DelegateView view(Delegate grant, Account account) {
        var name = account.fullName == null || account.fullName.isBlank() ? account.username : account.fullName.strip();
        return new DelegateView(account.username, name, grant.grantedBy, grant.grantedAt);
    }
}
