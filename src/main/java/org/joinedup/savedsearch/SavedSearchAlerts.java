package org.joinedup.savedsearch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.platform.ScheduledRuns;
import org.joinedup.search.Audience;
import org.joinedup.security.Account;
import org.joinedup.security.Roles;

/**
 * The weekly pass, in one copy (platform/ScheduledRuns): for each saved search with weekly alerts
 * whose account is enabled, has an address and still may keep saved searches, run it as that account
 * would see it, compare with its snapshot, and queue one mail naming the leaders newly matching and
 * those whose matching records changed; then keep the new snapshot. The event key names the search
 * and the ISO week, so a second run in the same week queues nothing (and keeps the old snapshot, so
 * what it found is told next week instead). Each search is its own transaction: one that fails
 * (a parameter the vocabularies no longer know, search down) leaves the others alone.
 */
@ApplicationScoped
public class SavedSearchAlerts {

    private static final Logger LOG = Logger.getLogger(SavedSearchAlerts.class);
    static final String JOB = "saved-search-alerts";
    private static final String COPY = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost") + ":" + ProcessHandle.current().pid()
            + ":" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EntityManager em;

    @Inject
    SavedSearchService searches;

    @Inject
    Snapshots snapshots;

    @Inject
    MailOutbox outbox;

    @Inject
    ScheduledRuns runs;

    @ConfigProperty(name = "joinedup.public-url")
    String publicUrl;

    /** What one pass did. */
    record Report(int checked, int mailed, int failed) {
    }

    @Scheduled(identity = JOB, cron = "${joinedup.saved-searches.alert-cron:0 0 6 ? * MON}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (runs.claim(JOB, Duration.ofDays(6), COPY)) {
            var report = run(Instant.now());
            LOG.infof("Saved search alerts: %s", report);
        }
    }

    /** One pass as of {@code now}; tests call it directly. */
    Report run(Instant now) {
        var week = isoWeek(now);
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                    select s.id from saved_search s join account a on a.id = s.account_id
                     where s.alerts = 'weekly' and a.disabled_at is null and a.email is not null
                       and a.roles && array['commissioner', 'programme']::text[]
                     order by s.id""").getResultList();
            return ids.stream().map(Number::longValue).toList();
        });
        int mailed = 0, failed = 0;
        for (var id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> alert(id, week))) {
                    mailed++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf("Saved search %d was not checked this week (%s); it is tried again next week", id, e.toString());
            }
        }
        return new Report(due.size(), mailed, failed);
    }

    /** Checks one saved search; true if a mail was queued. */
    private boolean alert(long id, String week) {
        var search = SavedSearch.<SavedSearch>findByIdOptional(id).orElse(null);
        if (search == null || !SavedSearch.WEEKLY.equals(search.alerts)) {
            return false; // deleted or turned off since the list was read
        }
        var account = Account.<Account>findByIdOptional(search.accountId).orElseThrow();
        if (account.disabledAt != null || account.email == null
                || !account.roles.contains(Roles.COMMISSIONER) && !account.roles.contains(Roles.PROGRAMME)) {
            return false;
        }
        var query = searches.query(search);
        var criteria = searches.parse(query);
        var now = snapshots.take(criteria, Audience.ofAccount(account.roles, account.leaderId));
        var changes = now.changesSince(snapshots.stored(id));
        boolean mailed = false;
        if (!changes.isEmpty()) {
            var mail = new Mail(account.id, account.email, MailKind.SAVED_SEARCH, "saved-search-" + id + "-" + week,
                    subject(search, changes), text(search, query, now, changes),
                    "You saved the search \"" + search.name + "\" in JoinedUp and chose to hear weekly of leaders newly matching it.");
            if (!outbox.enqueue(mail)) {
                return false; // told this week already: what changed since waits for next week's mail
            }
            // not through the entity: being alerted is no edit, so the ETag its owner holds stays good
            em.createNativeQuery("update saved_search set last_alerted_at = now() where id = :id").setParameter("id", id).executeUpdate();
            mailed = true;
        }
        snapshots.replace(id, now);
        return mailed;
    }

    static String isoWeek(Instant now) {
        var day = now.atZone(ZoneOffset.UTC).toLocalDate();
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String subject(SavedSearch search, List<Snapshot.Change> changes) {
        long added = changes.stream().filter(Snapshot.Change::newlyMatching).count();
        long changed = changes.size() - added;
        var parts = new ArrayList<String>();
        if (added > 0) {
            parts.add(added + (added == 1 ? " new leader" : " new leaders"));
        }
        if (changed > 0) {
            parts.add(changed + (changed == 1 ? " leader with new work" : " leaders with new work"));
        }
        return "Saved search \"" + search.name + "\": " + String.join(", ", parts);
    }

    private String text(SavedSearch search, SavedQuery query, Snapshot now, List<Snapshot.Change> changes) {
        var text = new StringBuilder("Your saved search \"").append(search.name).append("\" (").append(query.summary())
                .append(") has news since it was last looked at.\n");
        var added = changes.stream().filter(Snapshot.Change::newlyMatching).toList();
        var changed = changes.stream().filter(c -> !c.newlyMatching()).toList();
        if (!added.isEmpty()) {
            text.append("\nNewly matching (").append(added.size()).append("):\n");
            added.forEach(c -> text.append("- ").append(c.leader().name()).append(": ").append(leaderLink(c)).append('\n'));
        }
        if (!changed.isEmpty()) {
            text.append("\nMatching records changed (").append(changed.size()).append("):\n");
            changed.forEach(c -> text.append("- ").append(c.leader().name()).append(" (").append(what(c)).append("): ")
                    .append(leaderLink(c)).append('\n'));
        }
        if (now.capped()) {
            text.append("\nThis looked at the first ").append(now.leaders().size()).append(" of the ").append(now.total())
                    .append(" leaders the search matches, best first; narrow the search to hear of all of them.\n");
        }
        text.append("\nSee the search on Find leaders: ").append(publicUrl).append(query.findPath()).append('\n')
                .append("Change or stop these alerts: ").append(publicUrl).append("/saved-searches\n");
        return text.toString();
    }

    private String leaderLink(Snapshot.Change change) {
        return publicUrl + "/leaders/" + change.leader().id();
    }

    private static String what(Snapshot.Change c) {
        var parts = new ArrayList<String>();
        if (c.recordsAdded() > 0) {
            parts.add(c.recordsAdded() + (c.recordsAdded() == 1 ? " new record" : " new records"));
        }
        if (c.recordsEdited() > 0) {
            parts.add(c.recordsEdited() + (c.recordsEdited() == 1 ? " record changed" : " records changed"));
        }
        if (c.recordsVerified() > 0) {
            parts.add(c.recordsVerified() + (c.recordsVerified() == 1 ? " record newly verified" : " records newly verified"));
        }
        return String.join(", ", parts);
    }
}
