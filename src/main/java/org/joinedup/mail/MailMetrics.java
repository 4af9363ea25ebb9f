package org.joinedup.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauge joinedup_mail_outbox{state=...}: mails per state, counted every 30 s (one grouped count on an
 * indexed table), so an alert can watch 'parked' and 'uncertain' rise and 'queued' pile up.
 */
@Startup
@ApplicationScoped
public class MailMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    MailAdmin admin;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        for (var state : MailAdmin.STATES) {
            var value = counts.computeIfAbsent(state, s -> new AtomicLong());
            Gauge.builder("joinedup.mail.outbox", value, AtomicLong::get).tag("state", state).description("Mails in the outbox in this state")
                    .register(registry);
        }
    }

    @Scheduled(identity = "mail-metrics", every = "30S", delayed = "10S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            admin.counts().forEach((state, n) -> counts.computeIfAbsent(state, s -> new AtomicLong()).set(n));
        } catch (RuntimeException e) {
            // the database is away: the gauges keep their last values until it answers
        }
    }
}
