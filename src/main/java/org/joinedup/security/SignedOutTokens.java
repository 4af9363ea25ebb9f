package org.joinedup.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Signing out ends the one token signed out with (the web session's, or an API client's), where
 * "sign out everywhere" ends them all: its id (jti) is kept until the token would have expired
 * anyway (table {@code signed_out_token}, V34), and {@link AccountSessions} refuses it from then on,
 * in every copy (the insertion notifies them as a session change does).
 */
@ApplicationScoped
public class SignedOutTokens {

    private static final Logger LOG = Logger.getLogger(SignedOutTokens.class);
    /**
     * Every copy keeps an account's signed-out ids in memory: past this many still unexpired, signing
     * out once more ends every session of the account instead, so an account that signs in and out in
     * a loop cannot grow that memory without bound.
     */
    static final int MOST_PER_ACCOUNT = 100;

    @Inject
    EntityManager em;

    @Inject
    SessionVersions versions;

    @Transactional
    public void signOut(JsonWebToken token) {
        long accountId = Long.parseLong(token.getSubject());
        Account account = Account.findById(accountId);
        if (account == null) {
            return;
        }
        em.createNativeQuery("delete from signed_out_token where account_id = :account and expires_at <= now()")
                .setParameter("account", accountId).executeUpdate();
        long live = ((Number) em.createNativeQuery("select count(*) from signed_out_token where account_id = :account")
                .setParameter("account", accountId).getSingleResult()).longValue();
        if (token.getTokenID() == null || live >= MOST_PER_ACCOUNT) {
            account.revokeSessions();
            em.createNativeQuery("delete from signed_out_token where account_id = :account").setParameter("account", accountId).executeUpdate();
            LOG.infof("Account %s signed out with %d tokens already signed out: every one of its sessions ends", account.username, live);
            return;
        }
        var expires = Instant.ofEpochSecond(token.getExpirationTime()).plus(TokenVerification.EXPIRY_GRACE);
        em.createNativeQuery("insert into signed_out_token (token_id, account_id, expires_at) values (:id, :account, :expires)"
                + " on conflict (token_id) do nothing")
                .setParameter("id", token.getTokenID()).setParameter("account", accountId).setParameter("expires", expires)
                .executeUpdate();
        versions.forgetAtCommit(accountId);
    }
}
