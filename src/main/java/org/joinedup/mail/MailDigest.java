package org.joinedup.mail;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.joinedup.platform.ScheduledRuns;

/**
 * Once a week, in one copy (platform/ScheduledRuns), every account with held mail (preference
 * 'weekly') gets one digest mail listing them. The digest is queued like any other mail with the
 * event key digest-{account}-{ISO week}, so a second run in the same week queues nothing; the held
 * mails become 'digested', pointing at it. The digest then goes through the sender: sent once.
 */
@ApplicationScoped
public class MailDigest {

    private static final Logger LOG = Logger.getLogger(MailDigest.class);
    static final String JOB = "mail-digest";

    @Inject
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    ScheduledRuns runs;

    @Scheduled(identity = JOB, cron = "${joinedup.mail.digest-cron:0 0 7 ? * MON}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!runs.claim(JOB, Duration.ofDays(6), MailSender.COPY)) {
            return;
        }
        try {
            var count = compose(isoWeek(LocalDate.now(ZoneOffset.UTC)));
            LOG.infof("Weekly mail digest: %d digest(s) queued", count);
        } catch (RuntimeException e) {
            LOG.warnf("Weekly mail digest failed (%s); held mails wait for the next one", e.toString());
        }
    }

    static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Queues this week's digest for every account with held mail; the number queued. */
    @Transactional
    public int compose(String week) {
        @SuppressWarnings("unchecked")
        List<Number> accounts = em.createNativeQuery("select distinct account_id from mail_outbox where state = 'held' order by 1").getResultList();
        int queued = 0;
        for (var account : accounts) {
            if (digest(account.longValue(), week)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean digest(long accountId, String week) {
        @SuppressWarnings("unchecked")
        List<Object[]> held = em.createNativeQuery("""
                select m.id, m.subject, m.body_text, m.created_at, m.address, a.email
                  from mail_outbox m join account a on a.id = m.account_id
                 where m.account_id = :account and m.state = 'held' order by m.id for update of m""")
                .setParameter("account", accountId).getResultList();
        if (held.isEmpty()) {
            return false;
        }
        var last = held.get(held.size() - 1);
        var address = last[5] != null ? (String) last[5] : (String) last[4];
        var text = new StringBuilder("Here is what happened in JoinedUp that you chose to hear about once a week (")
                .append(held.size()).append(held.size() == 1 ? " mail" : " mails").append(").\n");
        for (var row : held) {
            text.append("\n========================================\n").append(row[1]).append('\n')
                    .append("(").append(String.valueOf(row[3]), 0, 10).append(")\n\n").append(((String) row[2]).strip()).append('\n');
        }
        var eventKey = "digest-" + accountId + "-" + week;
        var mail = new Mail(accountId, address, MailKind.DIGEST, eventKey,
                "Your JoinedUp week: " + held.size() + (held.size() == 1 ? " update" : " updates"), text.toString(),
                "You chose to get some kinds of JoinedUp mail in a weekly digest.");
        if (!outbox.enqueue(mail)) {
            return false; // this week's digest is already queued: these wait for next week's
        }
        em.createNativeQuery("""
                update mail_outbox set state = 'digested',
                       digest_id = (select id from mail_outbox where address = :address and kind = :kind and event_key = :event)
                 where id in (:ids)""")
                .setParameter("address", address.strip().toLowerCase(Locale.ROOT)).setParameter("kind", MailKind.DIGEST.code())
                .setParameter("event", eventKey).setParameter("ids", held.stream().map(r -> ((Number) r[0]).longValue()).toList())
                .executeUpdate();
        return true;
    }
}
