package org.joinedup.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;

/** The mail domains of organisations (table organisation_domain), and what an address's domain matches. */
@ApplicationScoped
@Transactional
public class OrganisationDomains {

    static final String DOMAIN_PATTERN = "[a-z0-9-]+(\\.[a-z0-9-]+)+";

    /** A domain as stored: its organisation (none for a shared domain) and where it is known from. */
    public record Domain(String domain, String organisation, boolean shared, String source) {
    }

    @Inject
    EntityManager em;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser user;

    /** The most specific known domain of the address (mail.trust.nhs.uk before trust.nhs.uk), if any. */
    @Transactional(TxType.SUPPORTS)
    public DomainMatch match(String email) {
        var domain = domainOf(email);
        var candidates = new ArrayList<String>();
        for (var d = domain; d.contains("."); d = d.substring(d.indexOf('.') + 1)) {
            candidates.add(d);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = candidates.isEmpty() ? List.of() : em.createNativeQuery(
                "select domain, organisation_code, shared from organisation_domain where domain in (:domains) order by length(domain) desc")
                .setParameter("domains", candidates).getResultList();
        if (rows.isEmpty()) {
            return new DomainMatch(DomainMatch.NONE, domain, null);
        }
        var row = rows.get(0);
        if ((Boolean) row[2]) {
            return new DomainMatch(DomainMatch.SHARED, domain, null);
        }
        return organisations.find((String) row[1]).map(o -> new DomainMatch(DomainMatch.ORGANISATION, domain, o))
                .orElse(new DomainMatch(DomainMatch.NONE, domain, null));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<List<Domain>> of(String code) {
        if (organisations.find(code).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(list(code));
    }

    /** Replaces an organisation's own domains (audited); a domain of another organisation or a shared one is refused. */
    public Optional<List<Domain>> replace(String code, List<String> domains, String source) {
        if (organisations.find(code).isEmpty()) {
            return Optional.empty();
        }
        var clean = new ArrayList<String>();
        var problems = new ArrayList<Violation>();
        for (int i = 0; i < domains.size(); i++) {
            var d = domains.get(i) == null ? "" : domains.get(i).strip().toLowerCase(Locale.ROOT);
            if (!d.matches(DOMAIN_PATTERN) || d.length() > 253) {
                problems.add(Violation.body("domains[" + i + "]", "is not a mail domain such as trust.nhs.uk"));
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> owner = em.createNativeQuery("select organisation_code, shared from organisation_domain where domain = :d")
                    .setParameter("d", d).getResultList();
            if (!owner.isEmpty() && ((Boolean) owner.get(0)[1] || !code.equals(owner.get(0)[0]))) {
                problems.add(Violation.body("domains[" + i + "]", (Boolean) owner.get(0)[1]
                        ? d + " is a shared domain: it proves NHS employment, not an organisation"
                        : d + " belongs to organisation " + owner.get(0)[0]));
            }
            if (!clean.contains(d)) {
                clean.add(d);
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        var before = list(code);
        em.createNativeQuery("delete from organisation_domain where organisation_code = :code").setParameter("code", code).executeUpdate();
        for (var d : clean) {
            em.createNativeQuery("insert into organisation_domain (domain, organisation_code, shared, source, created_by) values (:d, :code, false, :source, :by)")
                    .setParameter("d", d).setParameter("code", code).setParameter("source", source).setParameter("by", user.name()).executeUpdate();
        }
        var after = list(code);
        audit.record("domains-change", "organisation", code, before, after);
        return Optional.of(after);
    }

    static String domainOf(String email) {
        var at = email.lastIndexOf('@');
        return email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    private List<Domain> list(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select domain, organisation_code, shared, source from organisation_domain where organisation_code = :code order by domain")
                .setParameter("code", code).getResultList();
        return rows.stream().map(r -> new Domain((String) r[0], (String) r[1], (Boolean) r[2], (String) r[3])).toList();
    }
}
