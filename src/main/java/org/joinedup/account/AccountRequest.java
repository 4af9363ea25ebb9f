package org.joinedup.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.CreationTimestamp;

/** Someone asking for an account with their work address: unconfirmed, pending, approved or rejected. */
@Entity
@Table(name = "account_request")
public class AccountRequest extends PanacheEntityBase {

    public static final String UNCONFIRMED = "unconfirmed";
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    public String fullName;

    public String jobTitle;

    /** The organisation they say they work for. */
    public String organisationCode;

    public String domainMatch;

    public String matchedOrganisation;

    public String state;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    public Instant confirmedAt;

    public Instant decidedAt;

    public String decidedBy;

    public String decisionNote;

    public Long accountId;

    static Optional<AccountRequest> openFor(String email) {
        return find("email = ?1 and state in (?2, ?3)", email, UNCONFIRMED, PENDING).firstResultOptional();
    }

    static List<AccountRequest> inState(String state) {
        return list("state = ?1 order by confirmedAt, id", state);
    }
}
