package org.joinedup.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sender's moves on mail_outbox, each its own committed transaction (docs/mail.md, "Sent once"):
 * a mail is committed as 'sending' before SMTP is spoken, and only then sent.
 */
@ApplicationScoped
public class MailStore {

    /** A claimed mail: {@code claim} is this claim's own mark, so a late outcome never lands on someone else's claim. */
    public record Claimed(long id, Long accountId, String address, MailKind kind, String eventKey, String subject, String text, String reason,
            int attempts, String claim) {
    }

    /** How many mails a claim call looks at (dropping or holding them) before it gives up for this pass. */
    private static final int LOOK_AT_MOST = 100;

    @Inject
    EntityManager em;

    @Inject
    MailPreferences preferences;

    @Inject
    MailConfig config;

    /**
     * The next due mail, committed as 'sending' by {@code copy}; mails that must not go now are dropped
     * (account disabled or gone, preference never) or held for the digest (preference weekly) on the way.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Claimed> claimNext(String copy) {
        for (int looked = 0; looked < LOOK_AT_MOST; looked++) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, account_id, address, kind, event_key, subject, body_text, reason, attempts
                      from mail_outbox where state = 'queued' and next_attempt_at <= now()
                     order by next_attempt_at, id limit 1 for update skip locked""").getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            var r = rows.get(0);
            long id = ((Number) r[0]).longValue();
            Long accountId = r[1] == null ? null : ((Number) r[1]).longValue();
            var kind = MailKind.ofCode((String) r[3]);
            if (kind.isEmpty()) {
                drop(id, "unknown kind of mail '" + r[3] + "'");
                continue;
            }
            if (accountId != null) {
                var refusal = refusal(accountId, kind.get());
                if (refusal.isPresent()) {
                    drop(id, refusal.get());
                    continue;
                }
                if (preferences.choice(accountId, kind.get()) == MailChoice.WEEKLY) {
                    em.createNativeQuery("update mail_outbox set state = 'held' where id = :id").setParameter("id", id).executeUpdate();
                    continue;
                }
            }
            var claim = copy + "/" + UUID.randomUUID().toString().substring(0, 8);
            em.createNativeQuery("""
                    update mail_outbox set state = 'sending', claimed_at = clock_timestamp(), claimed_by = :claim, attempts = attempts + 1
                     where id = :id""").setParameter("claim", claim).setParameter("id", id).executeUpdate();
            return Optional.of(new Claimed(id, accountId, (String) r[2], kind.get(), (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                    ((Number) r[8]).intValue() + 1, claim));
        }
        return Optional.empty();
    }

    /** Why nothing may go to this account for this kind, if so. */
    private Optional<String> refusal(long accountId, MailKind kind) {
        @SuppressWarnings("unchecked")
        List<Object> disabled = em.createNativeQuery("select disabled_at is not null from account where id = :id")
                .setParameter("id", accountId).getResultList();
        if (disabled.isEmpty()) {
            return Optional.of("the account no longer exists");
        }
        if (Boolean.TRUE.equals(disabled.get(0))) {
            return Optional.of("the account is disabled");
        }
        if (preferences.choice(accountId, kind) == MailChoice.NEVER) {
            return Optional.of("the person chose never to get " + kind.code() + " mail");
        }
        return Optional.empty();
    }

    private void drop(long id, String reason) {
        em.createNativeQuery("update mail_outbox set state = 'dropped', drop_reason = :reason where id = :id")
                .setParameter("reason", reason).setParameter("id", id).executeUpdate();
    }

    /** The SMTP server accepted it. Also from 'uncertain': a send slower than the lease still knows it went. */
    @Transactional(TxType.REQUIRES_NEW)
    public void sent(Claimed mail) {
        em.createNativeQuery("""
                update mail_outbox set state = 'sent', sent_at = now(), last_error = null
                 where id = :id and claimed_by = :claim and state in ('sending', 'uncertain')""")
                .setParameter("id", mail.id()).setParameter("claim", mail.claim()).executeUpdate();
    }

    /**
     * Known not sent (no connection, or the server refused it): queued again after a wait that doubles
     * each attempt, or parked once refused {@code maxRefusals} times or tried {@code maxAttempts} times.
     * @return the state it is left in
     */
    @Transactional(TxType.REQUIRES_NEW)
    public String notSent(Claimed mail, String error, boolean refused) {
        var wait = backoff(mail.attempts());
        @SuppressWarnings("unchecked")
        List<Object> state = em.createNativeQuery("""
                update mail_outbox set refusals = refusals + :refused, last_error = :error,
                       state = case when refusals + :refused >= :maxRefusals or attempts >= :maxAttempts then 'parked' else 'queued' end,
                       next_attempt_at = now() + make_interval(secs => :wait)
                 where id = :id and claimed_by = :claim and state = 'sending'
                returning state""")
                .setParameter("refused", refused ? 1 : 0).setParameter("error", clip(error))
                .setParameter("maxRefusals", config.maxRefusals()).setParameter("maxAttempts", config.maxAttempts())
                .setParameter("wait", wait.toMillis() / 1000.0).setParameter("id", mail.id()).setParameter("claim", mail.claim())
                .getResultList();
        return state.isEmpty() ? "gone" : (String) state.get(0);
    }

    /** It may or may not have been handed over (the connection broke mid-exchange): never sent again by itself. */
    @Transactional(TxType.REQUIRES_NEW)
    public void uncertain(Claimed mail, String error) {
        em.createNativeQuery("""
                update mail_outbox set state = 'uncertain', last_error = :error where id = :id and claimed_by = :claim and state = 'sending'""")
                .setParameter("error", clip(error)).setParameter("id", mail.id()).setParameter("claim", mail.claim()).executeUpdate();
    }

    /** Claims older than the lease: their copy died or hung mid-send. They become 'uncertain', never 'queued'. */
    @Transactional(TxType.REQUIRES_NEW)
    public int expireLeases() {
        return em.createNativeQuery("""
                update mail_outbox set state = 'uncertain',
                       last_error = 'claimed by ' || coalesce(claimed_by, '?') || ' at ' || claimed_at
                                    || ', no outcome recorded within the lease: the copy stopped mid-send; it may or may not have gone'
                 where state = 'sending' and claimed_at < now() - make_interval(secs => :lease)""")
                .setParameter("lease", config.lease().toSeconds()).executeUpdate();
    }

    Duration backoff(int attempts) {
        var wait = config.retryBase();
        for (int i = 1; i < attempts && wait.compareTo(config.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    private static String clip(String error) {
        return error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
