package org.joinedup.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;

/**
 * Each account's current session version and the ids of its tokens signed out one by one (V34,
 * {@link SignedOutTokens}), remembered between requests so that a signed-in request need not read
 * its account ({@link AccountSessions}). Safe with several copies because the database
 * tells every copy when an account's sessions change: triggers (V32, V34) send
 * {@code NOTIFY account_sessions} with the account's id when a change of its session version, its
 * disabling, its deletion or the sign-out of one of its tokens commits, and this copy listens on a connection of its own. While that
 * connection is down nothing is remembered, so every signed-in request reads its account as before;
 * when it is back everything is forgotten, since what was notified meanwhile is lost. This copy's
 * own changes are also forgotten as they commit ({@link #forgetAtCommit}), so the request after a
 * "sign out everywhere" is refused here without waiting for the notification to come back.
 */
@ApplicationScoped
public class SessionVersions {

    private static final Logger LOG = Logger.getLogger(SessionVersions.class);
    static final String CHANNEL = "account_sessions";
    /** How the listening connection names itself in pg_stat_activity (a drill or test can end it). */
    static final String LISTENER_NAME = "joinedup-session-listener";
    private static final int POLL_MILLIS = 1_000;
    /** A query on an otherwise quiet connection this often, so a connection lost without a word is noticed. */
    private static final long PING_MILLIS = 10_000;
    private static final int SOCKET_TIMEOUT_SECONDS = 5;
    private static final long RETRY_MILLIS = 2_000;
    /** Past this many accounts everything is forgotten and remembered afresh: memory stays bounded. */
    private static final int MOST_REMEMBERED = 100_000;

    /** What a token needs to be accepted: its account's session version, and not to be one signed out. */
    record Session(int version, Set<String> signedOut) {

        boolean accepts(int issuedFor, String tokenId) {
            return version == issuedFor && (tokenId == null || !signedOut.contains(tokenId));
        }
    }

    private final ConcurrentHashMap<Long, Session> versions = new ConcurrentHashMap<>();
    /**
     * Counts forgets. A read of the database remembers what it found only if no forget happened
     * since it began: else a change committed during the read could be remembered as its old value.
     */
    private final AtomicLong forgets = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;
    /** Whether the listener has lost its connection and not yet got it back (its own thread's only). */
    private boolean lost;

    @Inject
    AgroalDataSource database;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** The account's sessions if remembered: only while this copy hears of every change. */
    Optional<Session> remembered(long accountId) {
        return Optional.ofNullable(listening ? versions.get(accountId) : null);
    }

    /** The account's sessions read from the database, empty if it is disabled or gone; remembered when safe. */
    Optional<Session> read(long accountId) throws SQLException {
        long since = forgets.get();
        try (var connection = database.getConnection(); var query = connection.prepareStatement(READ)) {
            query.setLong(1, accountId);
            try (var row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                var session = new Session(row.getInt(1), Set.of((String[]) row.getArray(2).getArray()));
                remember(accountId, session, since);
                return Optional.of(session);
            }
        }
    }

    private static final String READ = "select session_version, array(select token_id from signed_out_token t"
            + " where t.account_id = a.id and t.expires_at > now()) from account a where id = ? and disabled_at is null";

    private void remember(long accountId, Session session, long since) {
        if (!listening) {
            return;
        }
        if (versions.size() >= MOST_REMEMBERED) {
            forgetAll();
        }
        versions.put(accountId, session);
        if (forgets.get() != since) {
            // a forget overlapped the read, so it may have read the value before the change: drop it
            versions.remove(accountId);
        }
    }

    /** Called for an account written in the current transaction: forgotten once it commits (or rolls back). */
    public void forgetAtCommit(long accountId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(accountId);
            }
        });
    }

    void forget(long accountId) {
        forgets.incrementAndGet();
        versions.remove(accountId);
    }

    private void forgetAll() {
        forgets.incrementAndGet();
        versions.clear();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, LISTENER_NAME);
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Listens until the copy stops, connecting again after a failure. */
    private void listen() {
        while (running) {
            try {
                listenOnce();
            } catch (SQLException | RuntimeException e) {
                // once per loss, not once per attempt to reconnect
                if (running && !lost) {
                    LOG.warnf("Lost the database's notices of account session changes (%s); every signed-in request reads its account"
                            + " until they are back", e.getMessage());
                } else {
                    LOG.debugf("Still no notices of account session changes: %s", e.getMessage());
                }
                lost = true;
            } finally {
                listening = false;
                forgetAll();
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listenOnce() throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            // a change committed before LISTEN was not heard: begin from nothing remembered
            forgetAll();
            listening = true;
            if (lost) {
                LOG.info("Hearing of account session changes again");
                lost = false;
            }
            var notices = connection.unwrap(PGConnection.class);
            long quietSince = System.currentTimeMillis();
            while (running) {
                var heard = notices.getNotifications(POLL_MILLIS);
                if (heard != null && heard.length > 0) {
                    for (var notice : heard) {
                        forgetNoticed(notice.getParameter());
                    }
                    quietSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - quietSince > PING_MILLIS) {
                    statement.execute("select 1");
                    quietSince = System.currentTimeMillis();
                }
            }
        }
    }

    /** A connection outside the pool: it is held for as long as the copy runs. */
    private Connection connect() throws SQLException {
        var properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", LISTENER_NAME);
        // a ping left unanswered is a lost connection, not a thread waiting for TCP to give up (minutes)
        properties.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        var connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    private void forgetNoticed(String accountId) {
        try {
            forget(Long.parseLong(accountId));
        } catch (NumberFormatException e) {
            forgetAll();
        }
    }
}
