package org.joinedup.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.mail.Mail;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.MailOutbox;
import org.joinedup.mail.MailTimes;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.AccountService;
import org.joinedup.security.PasswordPolicy;

/**
 * Password reset by mail. Asking never says whether the address has an account: the caller gets the
 * same answer either way, and only an enabled account's address gets a mail. The link sets a new
 * password once and ends every session of the account; so does the first-password link of an
 * approved request (purpose set-password).
 */
@ApplicationScoped
@Transactional
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class);
    public static final String RESET_PAGE = "/account/reset";

    @Inject
    OneTimeLinks links;

    @Inject
    AccountLinksConfig config;

    @Inject
    AccountService accounts;

    @Inject
    MailOutbox mail;

    @Inject
    MailAskLimits limits;

    /**
     * Queues a reset mail if the address is an enabled account's and neither it nor the client
     * ({@code client}, its IP address) has reached its limit (MailAskLimits); does nothing visible otherwise.
     */
    public void request(String email, String client) {
        if (!limits.clientMayAsk(client)) {
            LOG.debugf("Password reset not mailed: the client reached its limit");
            return;
        }
        String address;
        try {
            address = Addresses.normalise("email", email);
        } catch (ProblemException notAnAddress) {
            return; // not even an address: the same answer as an unknown one
        }
        var account = accounts.findEnabledByEmail(address);
        if (account.isEmpty()) {
            LOG.debugf("Password reset asked for an address without an enabled account");
            return;
        }
        long id = account.get().id();
        // locked before looking for a recent link, so simultaneous asks for the address take turns
        var sent = limits.address(address);
        // asked again at once (a double click, or someone pressing on): the first link still works
        if (links.openSince(LinkPurpose.PASSWORD_RESET, id, Instant.now().minus(config.resetQuietPeriod()))) {
            return;
        }
        if (!limits.mayMail(sent)) {
            LOG.infof("Password reset of account %s not mailed: its address had its limit of mails this hour", account.get().username());
            return;
        }
        var token = links.issue(LinkPurpose.PASSWORD_RESET, new OneTimeLinks.Subject(id, null, null, address), config.resetLifetime(), "self");
        var expires = Instant.now().plus(config.resetLifetime());
        mail.enqueue(new Mail(id, address, MailKind.SECURITY, "password-reset-" + id + "-" + expires.toEpochMilli(),
                "Reset your JoinedUp password",
                "Someone (we hope you) asked to reset the password of the JoinedUp account " + account.get().username()
                        + ". Set a new one here:\n\n" + links.url(RESET_PAGE, token) + "\n\nThe link works once, until " + MailTimes.ukTime(expires)
                        + ". If you did not ask, you need do nothing: your password stays as it is.\n",
                "Someone asked to reset the password of your JoinedUp account"));
        LOG.infof("Password reset link mailed to account %s", account.get().username());
    }

    /** Whether a reset or first-password link works (for the page, before its form); the purpose if so. */
    @Transactional(TxType.SUPPORTS)
    public Optional<LinkPurpose> check(String token) {
        return links.peek(token, LinkPurpose.PASSWORD_RESET).map(OneTimeLinks.Link::purpose)
                .or(() -> links.peek(token, LinkPurpose.SET_PASSWORD).map(OneTimeLinks.Link::purpose));
    }

    /**
     * Sets the password; false if the link does not work (forged, used, out of date, another purpose)
     * or its account is gone or disabled. A password that fails the policy is refused before the link is used.
     */
    public boolean reset(String token, String password) {
        var peeked = links.peek(token, LinkPurpose.PASSWORD_RESET).or(() -> links.peek(token, LinkPurpose.SET_PASSWORD));
        if (peeked.isEmpty()) {
            return false;
        }
        var username = accounts.findEnabledByEmail(peeked.get().email()).map(a -> a.username()).orElse(null);
        var problems = PasswordPolicy.check("password", password, username, peeked.get().email());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var link = links.use(token, peeked.get().purpose());
        if (link.isEmpty() || !accounts.resetPassword(link.get().accountId(), password)) {
            return false;
        }
        links.revokeForAccount(link.get().accountId());
        return true;
    }

}
