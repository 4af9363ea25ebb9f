package org.joinedup.organisation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;

/** The organisations: finding them by code or name, checking codes that clients send, adding unlisted ones. */
@ApplicationScoped
public class OrganisationDirectory {

    private static final Logger LOG = Logger.getLogger(OrganisationDirectory.class);
    /** "Sherwood Forest Hospitals NHS Foundation Trust (RK5)", as the pages' pickers offer an organisation. */
    private static final Pattern PICKED = Pattern.compile("(.*)\\(\\s*([A-Za-z0-9]+)\\s*\\)");
    public static final String LOOKUP_HINT = "find organisation codes with GET /api/organisations?q=<part of the name>";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CurrentUser user;

    @Inject
    AuditTrail audit;

    private final Map<String, OrganisationView> cache = new ConcurrentHashMap<>();

    /** Before the demo loader (default priority), which refers to official organisations by name. */
    @Transactional
    void keepOfficialInStep(@Observes @Priority(1000) StartupEvent start) throws SQLException {
        cache.clear();
        try (var connection = dataSource.getConnection()) {
            int changed = OrganisationStore.upsertOfficial(connection);
            if (changed > 0) {
                LOG.infof("Official organisations brought in line with seed data: %d added or changed", changed);
            }
        }
    }

    /**
     * Not transactional itself: every search asks for each leader found, and the cache answers nearly
     * all of them, so only a miss goes through {@link #views} and its transaction interceptor.
     */
    public Optional<OrganisationView> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        var cached = cache.get(code);
        return cached != null ? Optional.of(cached) : Optional.ofNullable(views(List.of(code)).get(code));
    }

    /**
     * The views of these codes, in their order; unknown codes are left out. Served from a cache,
     * filled on a miss: an organisation's code, name and closure change only when seed data
     * changes, which comes with a restart of every copy.
     */
    @Transactional(TxType.SUPPORTS)
    public Map<String, OrganisationView> views(Collection<String> codes) {
        var missing = codes.stream().filter(code -> !cache.containsKey(code)).distinct().toList();
        if (!missing.isEmpty()) {
            List<Organisation> found = Organisation.list("code in ?1", missing);
            found.forEach(o -> cache.put(o.code, view(o)));
        }
        var views = new LinkedHashMap<String, OrganisationView>();
        codes.stream().filter(cache::containsKey).forEach(code -> views.put(code, cache.get(code)));
        return views;
    }

    /** Adds a violation for each code that names no organisation, with the nearest names as a hint. */
    @Transactional(TxType.SUPPORTS)
    public void check(String field, List<String> codes, List<Violation> violations) {
        if (codes == null) {
            return;
        }
        var known = views(codes).keySet();
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                violations.add(Violation.body(field + "[" + i + "]", "'" + codes.get(i) + "' is not a known organisation code; " + LOOKUP_HINT));
            }
        }
    }

    /** The organisation this name means (see {@link OrganisationNames}): open before closed, official before unlisted. */
    @Transactional(TxType.SUPPORTS)
    public Optional<OrganisationView> match(String name) {
        try (var connection = dataSource.getConnection()) {
            return OrganisationStore.match(connection, name).flatMap(this::find);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot match organisation name", e);
        }
    }

    /**
     * What a person typed for an organisation: its code, the "Name (CODE)" a picker offers, or a
     * name that means it (see {@link OrganisationNames}).
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<OrganisationView> resolve(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var picked = PICKED.matcher(text);
        if (picked.matches()) {
            var byCode = find(picked.group(2).toUpperCase(Locale.ROOT));
            if (byCode.isPresent()) {
                return byCode;
            }
            text = picked.group(1).strip();
        }
        var byCode = find(text.toUpperCase(Locale.ROOT));
        return byCode.isPresent() ? byCode : match(text);
    }

    /** The open organisations by name, for the pages' pickers. */
    @Transactional(TxType.SUPPORTS)
    public List<OrganisationView> open() {
        List<Organisation> all = Organisation.list("closedOn is null", Sort.by("name"));
        return all.stream().map(this::view).toList();
    }

    /** Organisations whose name holds every word of the query, open ones first. */
    @Transactional(TxType.SUPPORTS)
    public Page<OrganisationView> search(String query, String kind, boolean includeClosed, PageRequest paging) {
        var where = new ArrayList<String>();
        var params = new LinkedHashMap<String, Object>();
        String key = OrganisationNames.key(query);
        int i = 0;
        for (String word : key.isEmpty() ? new String[0] : key.split(" ")) {
            where.add("nameKey like :w" + i);
            params.put("w" + i++, "%" + word + "%");
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind);
        }
        if (!includeClosed) {
            where.add("closedOn is null");
        }
        var found = Organisation.<Organisation>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), Sort.by("closedOn", Sort.NullPrecedence.NULLS_FIRST).and("name"), params);
        return Page.of(found.page(paging.page(), paging.size()).list().stream().map(this::view).toList(), paging, found.count());
    }

    /** Programme staff add a body without an official code; its name must not be another's under {@link OrganisationNames}. */
    @Transactional
    public OrganisationView addUnlisted(OrganisationInput input) {
        if (!user.isStaff()) {
            throw ProblemException.forbidden("only programme staff and admins add organisations");
        }
        String name = input.name().strip().replaceAll("\\s+", " ");
        if (OrganisationNames.key(name).isEmpty()) {
            throw ProblemException.invalid(Violation.body("name", "must name the organisation, not only say 'NHS', 'Council' or 'Trust'"));
        }
        match(name).ifPresent(existing -> {
            throw ProblemException.conflict("'" + name + "' is the same organisation as " + existing.code() + " '" + existing.name() + "'");
        });
        try (var connection = dataSource.getConnection()) {
            String code = OrganisationStore.addUnlisted(connection, name, user.name(), false);
            var view = find(code).orElseThrow();
            audit.record("create", "organisation", code, null, view);
            LOG.infof("%s added unlisted organisation %s '%s'", user.name(), code, name);
            return view;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("'" + name + "' was added by someone else a moment ago");
            }
            throw new IllegalStateException("cannot add organisation", e);
        }
    }

    /**
     * The organisation this name means, or a new unlisted one under it, for the system itself (the
     * demo loader) rather than a request: no caller's role is checked. Empty for a name that is
     * nothing but noise ("NHS", "Council").
     */
    @Transactional
    public Optional<OrganisationView> matchOrAddUnlisted(String name, boolean illustrative) {
        if (OrganisationNames.key(name).isEmpty()) {
            return Optional.empty();
        }
        var known = match(name);
        if (known.isPresent()) {
            return known;
        }
        try (var connection = dataSource.getConnection()) {
            String code = OrganisationStore.addUnlisted(connection, name.strip().replaceAll("\\s+", " "), "system", illustrative);
            return find(code);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add organisation '" + name + "'", e);
        }
    }

    private OrganisationView view(Organisation o) {
        String successorName = o.successorCode == null ? null
                : Organisation.<Organisation>findByIdOptional(o.successorCode).map(s -> s.name).orElse(null);
        return new OrganisationView(o.code, o.name, o.kind, o.closed(), o.closedOn, o.successorCode, successorName);
    }
}
