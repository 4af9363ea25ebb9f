package org.joinedup.savedsearch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Optional;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.TransactionLocks;
import org.joinedup.platform.Turns;
import org.joinedup.platform.Violation;
import org.joinedup.search.SearchCriteria;
import org.joinedup.search.SearchCriteriaParser;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * The caller's saved searches: each belongs to one account and is seen and changed by it alone
 * (another account's id is "not found"). Saving takes the snapshot the first alert compares with,
 * so an alert only ever tells of what changed after saving.
 */
@ApplicationScoped
@Transactional
public class SavedSearchService {

    static final int MAX_NAME = 100;
    /** The first key of the advisory lock on one account's saved searches (the second is the account). */
    private static final int SAVED_SEARCHES_LOCK = 0x73617673;
    /** The key prefix of one account's turns at taking snapshots. */
    private static final String TURNS = "saved-search:";

    @Inject
    CurrentUser user;

    @Inject
    SearchCriteriaParser parser;

    @Inject
    Snapshots snapshots;

    @Inject
    SavedSearchConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Turns turns;

    /** Whether the caller keeps saved searches: commissioners and programme staff. */
    @Transactional(TxType.SUPPORTS)
    public boolean mayUse() {
        return user.signedIn() && (user.has(Roles.COMMISSIONER) || user.has(Roles.PROGRAMME));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<SavedSearchView> list(PageRequest paging) {
        long account = callerAccount();
        var query = SavedSearch.<SavedSearch>find("accountId = ?1 order by lower(name), id", account);
        var items = query.page(paging.page(), paging.size()).list().stream().map(this::view).toList();
        return Page.of(items, paging, query.count());
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<SavedSearchView> find(long id) {
        return SavedSearch.ofAccount(id, callerAccount()).map(this::view);
    }

    /**
     * Saves a new search for the caller, with its snapshot; 409 beyond joinedup.saved-searches.max-per-account.
     * A snapshot takes a search and a read of every leader found (half a second for everyone): one account's
     * saves take turns before their transaction begins, so a burst waits without holding the pool's connections.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public SavedSearchView create(SavedSearchInput input) {
        return turns.take(TURNS + user.name(), () -> QuarkusTransaction.requiringNew().call(() -> createNow(input)));
    }

    private SavedSearchView createNow(SavedSearchInput input) {
        long account = callerAccount();
        var checked = check(input);
        var snapshot = snapshots.take(checked.criteria(), checked.criteria().audience());
        lock(account);
        long kept = SavedSearch.count("accountId", account);
        if (kept >= config.maxPerAccount()) {
            throw ProblemException.conflict("you keep " + kept + " saved searches, the most one account may keep; delete one first");
        }
        requireUniqueName(account, checked.name(), null);
        var search = new SavedSearch();
        search.accountId = account;
        search.createdAt = now();
        apply(search, checked);
        search.persist();
        em.flush();
        snapshots.replace(search.id, snapshot);
        var view = view(search);
        audit.record("create", "saved-search", search.id, null, view);
        return view;
    }

    /** Replaces name, parameters and alerts; new parameters take a new snapshot (in turns, as {@link #create}). Empty when it is not the caller's. */
    @Transactional(TxType.NOT_SUPPORTED)
    public Optional<SavedSearchView> update(long id, SavedSearchInput input, ExpectedVersion expected) {
        return turns.take(TURNS + user.name(), () -> QuarkusTransaction.requiringNew().call(() -> updateNow(id, input, expected)));
    }

    private Optional<SavedSearchView> updateNow(long id, SavedSearchInput input, ExpectedVersion expected) {
        long account = callerAccount();
        var found = SavedSearch.ofAccount(id, account);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var search = found.get();
        expected.check("Saved search", id, search.version);
        var checked = check(input);
        boolean newQuery = !checked.query().equals(query(search));
        var snapshot = newQuery ? snapshots.take(checked.criteria(), checked.criteria().audience()) : null;
        lock(account);
        requireUniqueName(account, checked.name(), id);
        var before = view(search);
        apply(search, checked);
        if (before.equals(view(search))) {
            return Optional.of(before); // nothing to change: no new version or audit entry
        }
        search.updatedAt = now();
        em.flush();
        if (snapshot != null) {
            snapshots.replace(id, snapshot);
        }
        var after = view(search);
        audit.record("update", "saved-search", id, before, after);
        return Optional.of(after);
    }

    /** Changes only whether alerts are sent (the page's radios). */
    public Optional<SavedSearchView> changeAlerts(long id, String alerts, ExpectedVersion expected) {
        var current = SavedSearch.ofAccount(id, callerAccount()).map(this::view);
        if (current.isEmpty()) {
            return current;
        }
        var view = current.get();
        return update(id, new SavedSearchInput(view.name(), view.query(), alerts, null), expected);
    }

    public boolean delete(long id, ExpectedVersion expected) {
        var found = SavedSearch.ofAccount(id, callerAccount());
        found.ifPresent(search -> {
            expected.check("Saved search", id, search.version);
            var before = view(search);
            search.delete();
            audit.record("delete", "saved-search", id, before, null);
        });
        return found.isPresent();
    }

    /** The input checked whole: every problem at once, each naming its field (query.<parameter> for the search's). */
    private Checked check(SavedSearchInput input) {
        var violations = new ArrayList<Violation>();
        var name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            violations.add(Violation.body("name", "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            violations.add(Violation.body("name", "must be at most " + MAX_NAME + " characters"));
        }
        var alerts = input.alerts() == null ? SavedSearch.WEEKLY : input.alerts();
        if (!SavedSearch.ALERTS.contains(alerts)) {
            violations.add(Violation.body("alerts", "'" + alerts + "' is not a choice", SavedSearch.ALERTS));
        }
        SavedQuery query = null;
        SearchCriteria criteria = null;
        if (input.query() == null) {
            violations.add(Violation.body("query", "is required: the search parameters, {} for every leader"));
        } else {
            query = SavedQuery.of(input.query(), violations);
            try {
                criteria = parse(query);
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    throw e;
                }
                violations.addAll(e.problem().violations());
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new Checked(name, query, criteria, alerts);
    }

    /** The search's own parser, its problems told as fields of the body's query. */
    SearchCriteria parse(SavedQuery query) {
        try {
            return parser.parse(query.params());
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            throw ProblemException.invalid(e.problem().violations().stream()
                    .map(v -> Violation.body("query." + v.field(), v.message(), v.allowed() == null ? List.of() : v.allowed())).toList());
        }
    }

    private record Checked(String name, SavedQuery query, SearchCriteria criteria, String alerts) {
    }

    private void apply(SavedSearch search, Checked checked) {
        search.name = checked.name();
        search.query = new TreeMap<>(checked.query().values());
        search.alerts = checked.alerts();
        if (search.updatedAt == null) {
            search.updatedAt = search.createdAt;
        }
    }

    private void requireUniqueName(long account, String name, Long except) {
        long same = SavedSearch.count("accountId = ?1 and lower(name) = lower(?2) and id <> ?3", account, name, except == null ? -1L : except);
        if (same > 0) {
            throw ProblemException.invalid(Violation.body("name", "you already have a saved search called '" + name + "'; choose another name"));
        }
    }

    /** Serialises, until the transaction ends, the checks on one account's saved searches (the cap, unique names). */
    private void lock(long account) {
        TransactionLocks.hold(em, SAVED_SEARCHES_LOCK, Long.hashCode(account));
    }

    SavedSearchView view(SavedSearch s) {
        var query = query(s);
        return new SavedSearchView(s.id, s.version, s.name, query.shown(), query.summary(), s.alerts, query.findPath(), s.createdAt, s.updatedAt, s.lastAlertedAt);
    }

    SavedQuery query(SavedSearch s) {
        return SavedQuery.stored(s.query);
    }

    private long callerAccount() {
        if (!mayUse()) {
            throw ProblemException.forbidden("saved searches are for commissioners and programme staff");
        }
        return Account.byUsername(user.name()).map(a -> a.id).orElseThrow(() -> ProblemException.forbidden("your account is not known here"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
