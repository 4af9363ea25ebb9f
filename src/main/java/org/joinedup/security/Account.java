package org.joinedup.security;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Someone who signs in: a username, a bcrypt hash of the password, roles, and for leaders the leader
 * they are, and the organisation (if any) it belongs to. Every token names the session version it was issued for; bumping it revokes them all.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(updatable = false)
    public String username;

    public String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> roles = new ArrayList<>();

    public Long leaderId;

    /** The organisation this account speaks for when it corroborates a record; at most one. */
    public String organisationCode;

    public String fullName;

    public String jobTitle;

    /** Where mail for this account goes (lower case; one account per address); null until known. */
    public String email;

    /** Made up by the demo loader. */
    public boolean illustrative;

    public int sessionVersion;

    public Instant disabledAt;

    @CreationTimestamp
    @Column(updatable = false)
    public Instant createdAt;

    public static Optional<Account> byUsername(String username) {
        return find("username", username.strip().toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public static Optional<Account> byLeader(long leaderId) {
        return find("leaderId", leaderId).firstResultOptional();
    }

    /** Which of these leaders have claimed their profile: an account is linked to them. */
    public static Set<Long> leadersWithAccounts(Collection<Long> leaderIds) {
        if (leaderIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select leaderId from Account where leaderId in :ids", Long.class)
                .setParameter("ids", leaderIds).getResultList());
    }

    /** Every token issued so far stops working at its next request. */
    void revokeSessions() {
        sessionVersion++;
    }

    /** This copy forgets the session version it remembers of the account once the change commits (other copies hear of it from the database). */
    @PostUpdate
    @PostRemove
    void forgetRememberedSession() {
        Arc.container().instance(SessionVersions.class).get().forgetAtCommit(id);
    }
}
