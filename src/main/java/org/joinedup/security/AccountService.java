package org.joinedup.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
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
    LoginThrottle throttle;

    public AccountView create(AccountInput input) {
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
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        var account = new Account();
        account.username = input.username().strip().toLowerCase(Locale.ROOT);
        account.passwordHash = BcryptUtil.bcryptHash(input.password(), BCRYPT_COST);
        account.roles = new ArrayList<>(input.roles().stream().distinct().toList());
        account.leaderId = input.leaderId();
        account.persist();
        var view = AccountView.of(account);
        audit.record("create", "account", account.id, null, view);
        LOG.infof("Created account %s with roles %s", account.username, account.roles);
        return view;
    }

    /** The account if the password is right; the same work is done whether or not the username exists. */
    @Transactional(TxType.SUPPORTS)
    public Optional<AccountView> authenticate(String username, String password) {
        var account = Account.byUsername(username);
        boolean matches = BcryptUtil.matches(password, account.map(a -> a.passwordHash).orElse(DUMMY_HASH));
        return account.filter(a -> matches).map(AccountView::of);
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
            var before = AccountView.of(account);
            account.roles = new ArrayList<>(roles.stream().distinct().toList());
            Account.getEntityManager().flush();
            audit.record("role-change", "account", id, before, AccountView.of(account));
        });
        return found.map(AccountView::of);
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
        return found.map(AccountView::of);
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<AccountView> find(String username) {
        return Account.byUsername(username).map(AccountView::of);
    }

    @Transactional(TxType.SUPPORTS)
    public Page<AccountView> list(PageRequest paging) {
        var page = Account.<Account>findAll(Sort.by("id")).page(paging.page(), paging.size());
        return Page.of(page.list(), paging, page.count()).map(AccountView::of);
    }

    @Transactional(TxType.SUPPORTS)
    public boolean any() {
        return Account.count() > 0;
    }
}
