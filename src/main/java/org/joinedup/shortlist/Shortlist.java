package org.joinedup.shortlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.joinedup.security.SignedInAccount.Identity;

/**
 * A named list of leaders. Who may see and work on it is decided here, in {@link #SHARED_WITH}, and
 * nowhere else: its owner, and any account of the organisation the owner had when making it.
 */
@Entity
@Table(name = "shortlist")
public class Shortlist extends PanacheEntityBase {

    /**
     * The sharing rule, as the one query fragment every lookup goes through: the owner, or an
     * account whose organisation is the list's (both non-null; SQL's null never equals null).
     */
    private static final String SHARED_WITH = "(ownerAccountId = :account or (organisationCode is not null and organisationCode = :organisation))";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    public String name;

    @Column(name = "owner_account_id", updatable = false)
    public long ownerAccountId;

    @Column(name = "organisation_code", updatable = false)
    public String organisationCode;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    boolean ownedBy(Identity who) {
        return ownerAccountId == who.id();
    }

    /** The list, if this account may see it; empty alike for none and for someone else's. */
    static Optional<Shortlist> sharedWith(long id, Identity who) {
        return find("id = :id and " + SHARED_WITH, parameters(who).and("id", id)).firstResultOptional();
    }

    /** As {@link #sharedWith}, locking the row: changes to one list's entries take turns (the entry cap holds under races). */
    static Optional<Shortlist> sharedWithForUpdate(long id, Identity who) {
        return find("id = :id and " + SHARED_WITH, parameters(who).and("id", id)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Every list this account may see: its own first, then its colleagues', newest change first. */
    static PanacheQuery<Shortlist> allSharedWith(Identity who) {
        return find("from Shortlist where " + SHARED_WITH + " order by case when ownerAccountId = :account then 0 else 1 end, updatedAt desc, id desc",
                parameters(who));
    }

    static long countOwnedBy(long accountId) {
        return count("ownerAccountId", accountId);
    }

    private static Parameters parameters(Identity who) {
        return Parameters.with("account", who.id()).and("organisation", who.organisationCode());
    }
}
