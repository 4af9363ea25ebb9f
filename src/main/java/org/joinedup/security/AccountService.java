package org.joinedup.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/** Creates accounts, checks passwords and changes roles; the only writer of the account table. */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    /** bcrypt cost: about 50-100 ms a check on this hardware, slow enough to make guessing expensive. */
    static final int BCRYPT_COST = 10;
    /** Compared against when the username is unknown, so both cases take the same time. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-account-password", BCRYPT_COST);

    @Inject
    AuditTrail audit;

    @Inject
    SigningKeys signingKeys;

    @Inject
    LoginThrottle throttle;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    CurrentUser user;

    public AccountView create(AccountInput input) {
        return create(input, false);
    }

    /** An admin's new account: its password must meet the policy (passwords from configuration are not checked). */
    public AccountView createByAdmin(AccountInput input) {
        var problems = PasswordPolicy.check("password", input.password(), input.username(), null);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return create(input, false);
    }

    /**
     * A leader's own account, made when they claim an invitation: the username they chose (or their
     * address), the invited address as its mail address. The caller has checked the password.
     */
    @Transactional(TxType.MANDATORY)
    public AccountView createClaimed(String username, String email, String password, long leaderId) {
        var name = username.strip().toLowerCase(Locale.ROOT);
        if (Account.byUsername(name).isPresent()) {
            throw ProblemException.invalid(Violation.body("username", "is taken; choose another"));
        }
        if (Account.byLeader(leaderId).isPresent()) {
            throw ProblemException.conflict("this leader already has an account; sign in, or reset its password");
        }
        requireFreeAddress(email);
        var account = new Account();
        account.username = name;
        account.email = email;
        account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        account.roles = new ArrayList<>(List.of(Roles.LEADER));
        account.leaderId = leaderId;
        account.persist();
        var view = view(account);
        audit.record("claim-invitation", "account", account.id, null, view);
        LOG.infof("Leader %d claimed an invitation as account %s", leaderId, account.username);
        return view;
    }

    /**
     * An approved request's account: its address as username, no password anyone knows (a random
     * one, hashed) until the person sets theirs through the mailed link.
     */
    @Transactional(TxType.MANDATORY)
    public AccountView createApproved(String email, String fullName, String jobTitle, String organisation, String role, Long leaderId) {
        if (Account.byUsername(email).isPresent()) {
            throw ProblemException.conflict("an account with this address as its username exists already");
        }
        if (leaderId != null && Account.byLeader(leaderId).isPresent()) {
            throw ProblemException.conflict("leader " + leaderId + " already has an account");
        }
        requireFreeAddress(email);
        var account = new Account();
        account.username = email;
        account.email = email;
        account.passwordHash = BcryptUtil.bcryptHash(UUID.randomUUID() + "-" + System.nanoTime(), BCRYPT_COST);
        account.roles = new ArrayList<>(List.of(role));
        account.leaderId = leaderId;
        account.fullName = blankToNull(fullName);
        account.jobTitle = blankToNull(jobTitle);
        account.organisationCode = organisation;
        account.persist();
        var view = view(account);
        audit.record("create-approved", "account", account.id, null, view);
        LOG.infof("%s approved an account request: account %s with role %s", user.name(), account.username, role);
        return view;
    }

    /** Sets a new password (checked by the caller) through a one-time link: every session of the account ends. */
    @Transactional(TxType.MANDATORY)
    public boolean resetPassword(long accountId, String password) {
        Optional<Account> found = Account.findByIdOptional(accountId);
        if (found.isEmpty() || found.get().disabledAt != null) {
            return false;
        }
        var account = found.get();
        account.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        account.revokeSessions();
        audit.record("password-reset", "account", account.id, null, null);
        LOG.infof("Account %s set its password through a mailed link; its earlier tokens are revoked", account.username);
        return true;
    }

    /** The enabled account with this mail address, if there is one. */
    @Transactional(TxType.SUPPORTS)
    public Optional<AccountView> findEnabledByEmail(String email) {
        return Account.<Account>find("email", email.strip().toLowerCase(Locale.ROOT)).firstResultOptional()
                .filter(a -> a.disabledAt == null).map(this::view);
    }

    /** Whether some account (enabled or not) has this mail address. */
    @Transactional(TxType.SUPPORTS)
    public boolean addressTaken(String email) {
        return Account.count("email", email.strip().toLowerCase(Locale.ROOT)) > 0;
    }

    @Transactional(TxType.SUPPORTS)
    public boolean leaderHasAccount(long leaderId) {
        return Account.byLeader(leaderId).isPresent();
    }

    @Transactional(TxType.SUPPORTS)
    public boolean usernameTaken(String username) {
        return Account.byUsername(username).isPresent();
    }

    private static void requireFreeAddress(String email) {
        if (Account.count("email", email) > 0) {
            throw ProblemException.conflict("an account with this mail address exists already; sign in, or reset its password");
        }
    }

    /** An account the demo loader makes up (a demo partner, say): marked illustrative wherever it shows. */
    public AccountView createIllustrative(AccountInput input) {
        return create(input, true);
    }

    private AccountView create(AccountInput input, boolean illustrative) {
        var violations = new ArrayList<Violation>();
        for (int i = 0; i < input.roles().size(); i++) {
            if (!Roles.ALL.contains(input.roles().get(i))) {
                violations.add(Violation.body("roles[" + i + "]", "'" + input.roles().get(i) + "' is not a role", Roles.ALL));
            }
        }
        if (input.roles().contains(Roles.LEADER) && input.leaderId() == null) {
            violations.add(Violation.body("leaderId", "is required for a leader account"));
        }
        if (Account.byUsername(input.username()).isPresent()) {
            violations.add(Violation.body("username", "is taken"));
        }
        if (input.organisation() != null && organisations.find(input.organisation()).isEmpty()) {
            violations.add(unknownOrganisation(input.organisation()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        var account = new Account();
        account.username = input.username().strip().toLowerCase(Locale.ROOT);
        account.passwordHash = BcryptUtil.bcryptHash(input.password(), BCRYPT_COST);
        account.roles = new ArrayList<>(input.roles().stream().distinct().toList());
        account.leaderId = input.leaderId();
        account.fullName = blankToNull(input.fullName());
        account.jobTitle = blankToNull(input.jobTitle());
        account.organisationCode = input.organisation();
        account.illustrative = illustrative;
        account.persist();
        var view = view(account);
        audit.record("create", "account", account.id, null, view);
        LOG.infof("Created account %s with roles %s", account.username, account.roles);
        return view;
    }

    /**
     * The account if the password is right and it is not disabled; the same work is done whether or
     * not the username exists.
     */
    @Transactional(TxType.SUPPORTS)
    Optional<Account> authenticate(String username, String password) {
        var account = Account.byUsername(username);
        boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(DUMMY_HASH));
        return account.filter(a -> matches && a.disabledAt == null);
    }

    public Optional<AccountView> changeRoles(long id, List<String> roles) {
        Optional<Account> found = Account.findByIdOptional(id);
        found.ifPresent(account -> {
            var unknown = roles.stream().filter(r -> !Roles.ALL.contains(r)).toList();
            if (roles.isEmpty() || !unknown.isEmpty()) {
                throw ProblemException.invalid(Violation.body("roles", "must name at least one of the roles", Roles.ALL));
            }
            if (roles.contains(Roles.LEADER) && account.leaderId == null) {
                throw ProblemException.invalid(Violation.body("roles", "the leader role needs an account linked to a leader"));
            }
            var before = view(account);
            var after = roles.stream().distinct().toList();
            if (new HashSet<>(after).equals(new HashSet<>(account.roles))) {
                return; // nothing changes: no audit entry, and the account's sessions go on
            }
            if (before.roles().contains(Roles.ADMIN) && !after.contains(Roles.ADMIN)) {
                requireAnotherAdmin(account);
            }
            account.roles = new ArrayList<>(after);
            account.revokeSessions();
            Account.getEntityManager().flush();
            audit.record("role-change", "account", id, before, view(account));
        });
        return found.map(this::view);
    }

    /**
     * Needs the current password, checked under the same failed-attempt delay as signing in (a stolen
     * session must not become a way to guess it); every other session of the account ends.
     */
    public Account changePassword(String username, String current, String replacement, String address) {
        var account = Account.byUsername(username).orElseThrow(() -> ProblemException.notFound("Account", username));
        var wait = throttle.attempt(account.username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ProblemException(Problem.of("too-many-attempts", "Too many attempts", 429,
                    "too many wrong passwords; try again in " + seconds + " seconds")).retryAfter(seconds);
        }
        if (!BcryptUtil.matches(current, account.passwordHash)) {
            throw ProblemException.invalid(Violation.body("currentPassword", "is not your current password"));
        }
        throttle.succeeded(account.username, address);
        if (replacement.equals(current)) {
            throw ProblemException.invalid(Violation.body("newPassword", "must differ from the current password"));
        }
        var problems = PasswordPolicy.check("newPassword", replacement, account.username, account.email);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        account.passwordHash = BcryptUtil.bcryptHash(replacement, BCRYPT_COST);
        account.revokeSessions();
        audit.record("password-change", "account", account.id, null, null);
        LOG.infof("Account %s changed its password; its earlier tokens are revoked", account.username);
        return account;
    }

    /** "Sign out everywhere": every token issued to the account so far stops working. */
    public void revokeSessions(String username) {
        var account = Account.byUsername(username).orElseThrow(() -> ProblemException.notFound("Account", username));
        account.revokeSessions();
        audit.record("sign-out-everywhere", "account", account.id, null, null);
    }

    /** A disabled account cannot sign in and its tokens stop working; an admin cannot disable themself. */
    public Optional<AccountView> setDisabled(long id, boolean disabled, String actor) {
        Optional<Account> found = Account.findByIdOptional(id);
        found.ifPresent(account -> {
            if (disabled && account.username.equals(actor)) {
                throw ProblemException.conflict("you cannot disable your own account; another admin can");
            }
            if (disabled == (account.disabledAt != null)) {
                return;
            }
            if (disabled && account.roles.contains(Roles.ADMIN)) {
                requireAnotherAdmin(account);
            }
            var before = view(account);
            account.disabledAt = disabled ? Instant.now() : null;
            account.revokeSessions();
            Account.getEntityManager().flush();
            audit.record(disabled ? "disable" : "enable", "account", id, before, view(account));
            LOG.infof("Account %s %s", account.username, disabled ? "disabled; its tokens are revoked" : "enabled");
        });
        return found.map(this::view);
    }

    /** Erasure: the account linked to a leader goes, with an entry in the audit trail (redacted with the rest). */
    @Transactional(TxType.MANDATORY)
    public Optional<AccountView> eraseOfLeader(long leaderId) {
        var found = Account.byLeader(leaderId);
        found.ifPresent(account -> {
            audit.record("erase", "account", account.id, null, null);
            account.delete();
            throttle.forget(account.username);
        });
        return found.map(this::view);
    }

    /**
     * Sets the organisation an account belongs to (null: none). Admins set it for anyone, programme
     * staff for any account but an admin's or their own, so they cannot make an admin, or themselves,
     * speak for an organisation (its shortlists, its confirmations).
     */
    public Optional<AccountView> setOrganisation(long id, String code) {
        Optional<Account> found = Account.findByIdOptional(id);
        found.ifPresent(account -> {
            if (account.roles.contains(Roles.ADMIN) && !user.has(Roles.ADMIN)) {
                throw ProblemException.forbidden("only an admin sets the organisation of an admin account");
            }
            if (account.username.equals(user.name()) && !user.has(Roles.ADMIN)) {
                throw ProblemException.forbidden("only an admin sets your own organisation");
            }
            if (code != null && organisations.find(code).isEmpty()) {
                throw ProblemException.invalid(unknownOrganisation(code));
            }
            if (Objects.equals(code, account.organisationCode)) {
                return;
            }
            var before = view(account);
            account.organisationCode = code;
            Account.getEntityManager().flush();
            audit.record("organisation-change", "account", id, before, view(account));
            LOG.infof("%s set the organisation of account %s to %s", user.name(), account.username, code);
        });
        return found.map(this::view);
    }

    public SigningKeys.KeyView rotateSigningKey() {
        var key = signingKeys.rotate();
        audit.record("rotate-signing-key", "signing-key", key.id(), null, key);
        return key;
    }

    AccountView view(Account account) {
        OrganisationView organisation = organisations.find(account.organisationCode).orElse(null);
        return AccountView.of(account, organisation);
    }

    private static Violation unknownOrganisation(String code) {
        return Violation.body("organisation", "'" + code + "' is not a known organisation code; " + OrganisationDirectory.LOOKUP_HINT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The last enabled admin keeps the role: without one nobody could manage accounts any more. */
    private static void requireAnotherAdmin(Account account) {
        var others = (Number) Account.getEntityManager()
                .createNativeQuery("select count(*) from account where :role = any(roles) and disabled_at is null and id <> :id")
                .setParameter("role", Roles.ADMIN).setParameter("id", account.id).getSingleResult();
        if (others.longValue() == 0) {
            throw ProblemException.conflict("account " + account.username + " is the last enabled admin");
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<AccountView> find(String username) {
        return Account.byUsername(username).map(this::view);
    }

    @Transactional(TxType.SUPPORTS)
    public Page<AccountView> list(PageRequest paging) {
        var page = Account.<Account>findAll(Sort.by("id")).page(paging.page(), paging.size());
        return Page.of(page.list(), paging, page.count()).map(this::view);
    }

    @Transactional(TxType.SUPPORTS)
    public boolean any() {
        return Account.count() > 0;
    }
}
