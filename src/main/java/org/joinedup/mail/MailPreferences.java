package org.joinedup.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AuditTrail;

/**
 * Per person and kind: at once (the default: no row), weekly or never (table mail_preference).
 * Security mail is always at once and is not stored.
 */
@ApplicationScoped
public class MailPreferences {

    @Schema(name = "MailPreference", description = "One kind of mail and what the person chose for it")
    public record Preference(@Schema(examples = "introduction") String kind, @Schema(examples = "Introductions asked of you and answers to yours") String label,
            @Schema(examples = "weekly", enumeration = { "immediately", "weekly", "never" }) String choice,
            @Schema(description = "True for security mail: always sent at once, whatever is chosen") boolean fixed) {
    }

    @Schema(name = "MailPreferences", description = "Which mails the signed-in person gets, and when")
    public record View(List<Preference> preferences) {
    }

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional
    public View view(long accountId) {
        var chosen = chosen(accountId);
        var list = new ArrayList<Preference>();
        for (var kind : MailKind.values()) {
            if (kind.choosable()) {
                list.add(new Preference(kind.code(), kind.label(), chosen.getOrDefault(kind, MailChoice.IMMEDIATELY).code(), false));
            } else if (kind.security()) {
                list.add(new Preference(kind.code(), kind.label(), MailChoice.IMMEDIATELY.code(), true));
            }
        }
        return new View(list);
    }

    /** What applies to {@code kind} for this account now (security and the digest: always at once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public MailChoice choice(long accountId, MailKind kind) {
        if (!kind.choosable()) {
            return MailChoice.IMMEDIATELY;
        }
        return chosen(accountId).getOrDefault(kind, MailChoice.IMMEDIATELY);
    }

    /**
     * Sets the kinds named in {@code changes} (kind code to choice code); kinds not named stay. Checked
     * whole before anything is written: one bad entry changes nothing.
     */
    @Transactional
    public View change(long accountId, Map<String, String> changes) {
        if (changes == null) {
            throw ProblemException.invalid(Violation.body("preferences", "is required: an object of kind to choice, e.g. {\"introduction\": \"weekly\"}"));
        }
        var violations = new ArrayList<Violation>();
        var parsed = new EnumMap<MailKind, MailChoice>(MailKind.class);
        var kinds = Arrays.stream(MailKind.values()).filter(k -> k.choosable() || k.security()).map(MailKind::code).toList();
        changes.forEach((code, choiceCode) -> {
            var field = "preferences." + code;
            var kind = MailKind.ofCode(code).filter(k -> k.choosable() || k.security());
            var choice = MailChoice.ofCode(choiceCode);
            if (kind.isEmpty()) {
                violations.add(Violation.body(field, "is not a kind of mail", kinds));
            } else if (choice.isEmpty()) {
                violations.add(Violation.body(field, "must be one of immediately, weekly, never", MailChoice.codes()));
            } else if (kind.get().security() && choice.get() != MailChoice.IMMEDIATELY) {
                violations.add(Violation.body(field, "security mail is always sent at once", List.of(MailChoice.IMMEDIATELY.code())));
            } else if (!kind.get().security()) {
                parsed.put(kind.get(), choice.get());
            }
        });
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        var before = view(accountId);
        parsed.forEach((kind, choice) -> set(accountId, kind, choice));
        var after = view(accountId);
        if (!after.equals(before)) {
            // sending back what was read changes nothing, and leaves no entry saying it did
            audit.record("mail-preferences", "account", accountId, before, after);
        }
        return after;
    }

    /** The one-click unsubscribe: that kind never again; for the digest, every kind taken weekly becomes never. */
    @Transactional
    public void unsubscribe(long accountId, MailKind kind) {
        var before = view(accountId);
        if (kind == MailKind.DIGEST) {
            chosen(accountId).forEach((k, c) -> {
                if (c == MailChoice.WEEKLY) {
                    set(accountId, k, MailChoice.NEVER);
                }
            });
        } else if (kind.choosable()) {
            set(accountId, kind, MailChoice.NEVER);
        }
        audit.record("mail-unsubscribe", "account", accountId, before, view(accountId));
    }

    private void set(long accountId, MailKind kind, MailChoice choice) {
        em.createNativeQuery("""
                insert into mail_preference (account_id, kind, choice) values (:account, :kind, :choice)
                on conflict (account_id, kind) do update set choice = excluded.choice, updated_at = now()""")
                .setParameter("account", accountId).setParameter("kind", kind.code()).setParameter("choice", choice.code()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<MailKind, MailChoice> chosen(long accountId) {
        var map = new EnumMap<MailKind, MailChoice>(MailKind.class);
        List<Object[]> rows = em.createNativeQuery("select kind, choice from mail_preference where account_id = :account")
                .setParameter("account", accountId).getResultList();
        for (var row : rows) {
            var kind = MailKind.ofCode((String) row[0]);
            var choice = MailChoice.ofCode((String) row[1]);
            if (kind.isPresent() && choice.isPresent()) {
                map.put(kind.get(), choice.get());
            }
        }
        return map;
    }
}
