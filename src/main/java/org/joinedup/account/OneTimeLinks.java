package org.joinedup.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time links (table one_time_link): a random token of 256 bits that only the mail holds; the
 * database keeps its SHA-256, so a copy of the table opens nothing. A link is used with one
 * conditional UPDATE, so of several uses at once exactly one gets it.
 */
@ApplicationScoped
public class OneTimeLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    /** Who and what a link is for. */
    public record Link(long id, LinkPurpose purpose, Long accountId, Long leaderId, Long requestId, String email, Long nominationId) {
    }

    /** A link to make; the ids that do not apply are null. */
    public record Subject(Long accountId, Long leaderId, Long requestId, String email, Long nominationId) {

        public Subject(Long accountId, Long leaderId, Long requestId, String email) {
            this(accountId, leaderId, requestId, email, null);
        }
    }

    @Inject
    EntityManager em;

    @ConfigProperty(name = "joinedup.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** A new link; the raw token is returned once, for the mail, and never stored. */
    @Transactional(TxType.MANDATORY)
    public String issue(LinkPurpose purpose, Subject subject, Duration lifetime, String createdBy) {
        var bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("""
                insert into one_time_link (purpose, token_hash, account_id, leader_id, account_request_id, email, nomination_id, created_by, expires_at)
                values (:purpose, :hash, :account, :leader, :request, :email, :nomination, :by, :expires)""")
                .setParameter("purpose", purpose.code()).setParameter("hash", hash(token))
                .setParameter("account", subject.accountId()).setParameter("leader", subject.leaderId())
                .setParameter("request", subject.requestId()).setParameter("email", subject.email())
                .setParameter("nomination", subject.nominationId()).setParameter("by", createdBy).setParameter("expires", Instant.now().plus(lifetime)).executeUpdate();
        return token;
    }

    /** The page a link opens, on the service's public address. */
    public String url(String path, String token) {
        return page(path) + "?token=" + token;
    }

    /** A page of the service at its public address. */
    public String page(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }

    /** The link if it is unused, unexpired and of this purpose; nothing changes (a page shows its form with it). */
    @Transactional(TxType.SUPPORTS)
    public Optional<Link> peek(String token, LinkPurpose purpose) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, account_id, leader_id, account_request_id, email, nomination_id from one_time_link
                 where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()""")
                .setParameter("hash", hash(token)).setParameter("purpose", purpose.code()).getResultList();
        return rows.stream().findFirst().map(r -> link(r, purpose));
    }

    /**
     * Uses the link: marks it used if it is unused, unexpired and of this purpose, in the caller's
     * transaction. A second use at the same time waits for the first's row lock and then finds it used.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Link> use(String token, LinkPurpose purpose) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                update one_time_link set used_at = now()
                 where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()
                returning id, account_id, leader_id, account_request_id, email, nomination_id""")
                .setParameter("hash", hash(token)).setParameter("purpose", purpose.code()).getResultList();
        return rows.stream().findFirst().map(r -> link(r, purpose));
    }

    /** Kills the open links of this purpose for a leader (a new invitation replaces the old). */
    @Transactional(TxType.MANDATORY)
    public int revokeForLeader(LinkPurpose purpose, long leaderId) {
        return em.createNativeQuery("update one_time_link set used_at = now() where purpose = :purpose and leader_id = :leader and used_at is null")
                .setParameter("purpose", purpose.code()).setParameter("leader", leaderId).executeUpdate();
    }

    /** Whether a link of this purpose for the leader is still open: unused and unexpired. */
    @Transactional(TxType.MANDATORY)
    public boolean openForLeader(LinkPurpose purpose, long leaderId) {
        var count = (Number) em.createNativeQuery("""
                select count(*) from one_time_link where purpose = :purpose and leader_id = :leader and used_at is null and expires_at > now()""")
                .setParameter("purpose", purpose.code()).setParameter("leader", leaderId).getSingleResult();
        return count.longValue() > 0;
    }

    /** Kills the open links of this purpose for an account request. */
    @Transactional(TxType.MANDATORY)
    public int revokeForRequest(LinkPurpose purpose, long requestId) {
        return em.createNativeQuery(
                "update one_time_link set used_at = now() where purpose = :purpose and account_request_id = :request and used_at is null")
                .setParameter("purpose", purpose.code()).setParameter("request", requestId).executeUpdate();
    }

    /** Kills the open links of this purpose for a nomination. */
    @Transactional(TxType.MANDATORY)
    public int revokeForNomination(LinkPurpose purpose, long nominationId) {
        return em.createNativeQuery(
                "update one_time_link set used_at = now() where purpose = :purpose and nomination_id = :nomination and used_at is null")
                .setParameter("purpose", purpose.code()).setParameter("nomination", nominationId).executeUpdate();
    }

    /** Whether a link of this purpose for the nomination was made since {@code since} and is still open. */
    @Transactional(TxType.MANDATORY)
    public boolean openSinceForNomination(LinkPurpose purpose, long nominationId, Instant since) {
        var count = (Number) em.createNativeQuery("""
                select count(*) from one_time_link where purpose = :purpose and nomination_id = :nomination
                   and used_at is null and expires_at > now() and created_at > :since""")
                .setParameter("purpose", purpose.code()).setParameter("nomination", nominationId).setParameter("since", since).getSingleResult();
        return count.longValue() > 0;
    }

    /** Kills every open link of an account (its password was just set: older reset links must not set it again). */
    @Transactional(TxType.MANDATORY)
    public int revokeForAccount(long accountId) {
        return em.createNativeQuery("update one_time_link set used_at = now() where account_id = :account and used_at is null")
                .setParameter("account", accountId).executeUpdate();
    }

    /** Whether a link of this purpose for the account was made since {@code since} and is still open. */
    @Transactional(TxType.MANDATORY)
    public boolean openSince(LinkPurpose purpose, long accountId, Instant since) {
        var count = (Number) em.createNativeQuery("""
                select count(*) from one_time_link where purpose = :purpose and account_id = :account
                   and used_at is null and expires_at > now() and created_at > :since""")
                .setParameter("purpose", purpose.code()).setParameter("account", accountId).setParameter("since", since).getSingleResult();
        return count.longValue() > 0;
    }

    /** Whether a link of this purpose for the account request was made since {@code since} and is still open. */
    @Transactional(TxType.MANDATORY)
    public boolean openSinceForRequest(LinkPurpose purpose, long requestId, Instant since) {
        var count = (Number) em.createNativeQuery("""
                select count(*) from one_time_link where purpose = :purpose and account_request_id = :request
                   and used_at is null and expires_at > now() and created_at > :since""")
                .setParameter("purpose", purpose.code()).setParameter("request", requestId).setParameter("since", since).getSingleResult();
        return count.longValue() > 0;
    }

    private static Link link(Object[] r, LinkPurpose purpose) {
        return new Link(((Number) r[0]).longValue(), purpose, number(r[1]), number(r[2]), number(r[3]), (String) r[4], number(r[5]));
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    /** Tokens we make are 43 URL-safe characters; anything else is not looked up at all. */
    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
