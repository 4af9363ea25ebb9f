package org.joinedup.notification;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderRemoved;
import org.joinedup.leader.LeaderService;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.platform.PageRequest;
import org.joinedup.security.Account;
import org.joinedup.security.CurrentUser;

/**
 * The one place a person is told something: writes the in-app notification and queues its mail, in
 * the transaction of the change that causes it, so both exist if and only if the change commits.
 * The (account, event key) pair is unique, so the same event told twice is told once.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    /** Where people reach this service: mail needs absolute links, the in-app list keeps relative ones. */
    @ConfigProperty(name = "joinedup.public-url")
    String publicUrl;

    @Inject
    EntityManager em;

    @Inject
    MailOutbox mail;

    @Inject
    CurrentUser user;

    @Inject
    LeaderService leaders;

    /** What to tell: {@code reason} says why the person gets it, {@code link} the page where they act on it. */
    public record Notice(MailKind kind, String eventKey, String title, String text, String link, String reason) {

        public Notice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(eventKey, "eventKey");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Tells each account of {@code to}: a notification in its list and, if it has a mail address, a
     * queued mail. A disabled account gets neither, and nobody is told of what they did themself.
     * Returns how many accounts got a new notification.
     */
    @Transactional(TxType.MANDATORY)
    public int notify(Recipients to, Notice notice) {
        int told = 0;
        for (var account : to.accounts()) {
            if (account.disabledAt != null || user.inRequest() && account.username.equals(user.name())) {
                continue;
            }
            if (insert(account.id, notice)) {
                told++;
            }
            if (account.email != null) {
                mail.enqueue(new Mail(account.id, account.email, notice.kind(), notice.eventKey(), notice.title(),
                        notice.text() + "\n\nSee it in JoinedUp: " + publicUrl + notice.link(), notice.reason()));
            }
        }
        LOG.debugf("Notified %s of %s: %d new", to, notice.eventKey(), told);
        return told;
    }

    /** True if written; false if this account was already told of this event (by this or another copy). */
    private boolean insert(long accountId, Notice notice) {
        return em.createNativeQuery("""
                insert into notification (account_id, kind, event_key, title, body_text, link)
                values (:account, :kind, :event, :title, :text, :link)
                on conflict (account_id, event_key) do nothing""")
                .setParameter("account", accountId).setParameter("kind", notice.kind().code()).setParameter("event", notice.eventKey())
                .setParameter("title", notice.title()).setParameter("text", notice.text()).setParameter("link", notice.link())
                .executeUpdate() == 1;
    }

    /**
     * Erasure: before a leader goes (their account, and its notifications, go by cascade), the
     * notifications of other people that name them go too: "Priya Raman accepted your introduction"
     * would otherwise outlive Priya. Runs before privacy's own observer, while the leader and
     * account are still there to be named.
     */
    void onLeaderRemoved(@Observes @Priority(Interceptor.Priority.APPLICATION) LeaderRemoved removed) {
        var mentions = new ArrayList<String>();
        leaders.find(removed.leaderId()).ifPresent(l -> mentions.add(l.name()));
        Account.byLeader(removed.leaderId()).ifPresent(a -> mentions.add(a.username));
        mentions.removeIf(m -> m == null || m.isBlank());
        if (mentions.isEmpty()) {
            return;
        }
        int forgotten = em.createNativeQuery("""
                delete from notification n
                 where exists (select 1 from unnest(cast(:mentions as text[])) m
                                where strpos(n.title, m) > 0 or strpos(n.body_text, m) > 0)""")
                .setParameter("mentions", mentions.toArray(String[]::new))
                .executeUpdate();
        LOG.debugf("Erasure of leader %d: %d notifications naming them forgotten", removed.leaderId(), forgotten);
    }

    /** The caller's notifications, newest first, and how many are unread. */
    @Transactional(TxType.SUPPORTS)
    public NotificationList mine(PageRequest paging) {
        long account = callerAccount().orElse(-1L);
        var query = Notification.<Notification>find("accountId", Sort.descending("createdAt", "id"), account);
        var page = query.page(paging.page(), paging.size());
        var items = page.list().stream().map(NotificationService::view).toList();
        long total = page.count();
        int pages = (int) ((total + paging.size() - 1) / paging.size());
        return new NotificationList(items, paging.page(), paging.size(), total, pages, unread(account));
    }

    /** How many of the caller's notifications are unread; 0 for anyone without an account. */
    @Transactional(TxType.SUPPORTS)
    public long unreadOfCaller() {
        return callerAccount().map(NotificationService::unread).orElse(0L);
    }

    /**
     * Marks one of the caller's notifications read (again is fine). Empty when it does not exist or
     * is someone else's: the two look the same. Not audited: it changes nothing but the reader's list.
     */
    public Optional<NotificationView> markRead(long id) {
        var account = callerAccount();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<Notification> found = Notification.<Notification>find("id = ?1 and accountId = ?2", id, account.get()).firstResultOptional();
        found.filter(n -> n.readAt == null).ifPresent(n -> n.readAt = Instant.now());
        return found.map(NotificationService::view);
    }

    /** Marks every unread notification of the caller read; returns how many. */
    public int markAllRead() {
        return callerAccount().map(account -> Notification.update("readAt = ?1 where accountId = ?2 and readAt is null", Instant.now(), account))
                .orElse(0);
    }

    private Optional<Long> callerAccount() {
        if (!user.signedIn()) {
            return Optional.empty();
        }
        return Account.byUsername(user.name()).map(a -> a.id);
    }

    private static long unread(long account) {
        return Notification.count("accountId = ?1 and readAt is null", account);
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.id, n.kind, n.eventKey, n.title, n.text, n.link, n.createdAt, n.readAt);
    }
}
