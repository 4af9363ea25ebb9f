package org.joinedup.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the signed-in account's name, roles and linked leader, or anonymous. Outside a
 * request (start-up, background indexing) the caller is the system.
 */
@ApplicationScoped
public class CurrentUser {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";
    /** The token claim that links a leader account to its leader. */
    public static final String LEADER_CLAIM = "leader_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    CurrentVertxRequest http;

    /** Serving an HTTP request (the request context alone is also active at start-up, for the demo loader). */
    public boolean inRequest() {
        return Arc.container().requestContext().isActive() && http.getCurrent() != null;
    }

    public String name() {
        if (!inRequest()) {
            return SYSTEM;
        }
        return identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    public boolean signedIn() {
        return inRequest() && !identity.isAnonymous();
    }

    public boolean has(String role) {
        return !inRequest() || identity.hasRole(role);
    }

    /** Programme staff and admins see and handle everyone; the system does too. */
    public boolean isStaff() {
        return has(Roles.PROGRAMME) || has(Roles.ADMIN);
    }

    /** The leader this account is linked to, if it is a leader account. */
    public Optional<Long> leaderId() {
        if (!signedIn() || token == null || token.getClaim(LEADER_CLAIM) == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim(LEADER_CLAIM);
        return Optional.of(claim instanceof Number n ? n.longValue() : Long.parseLong(claim.toString()));
    }

    public boolean isLeader(long leaderId) {
        return leaderId().filter(id -> id == leaderId).isPresent();
    }

    /** Only the leader themself and admins (and the system) change a leader's profile, records and requests. */
    public boolean mayActFor(long leaderId) {
        return !inRequest() || has(Roles.ADMIN) || isLeader(leaderId);
    }

    /** Whether a leader with this visibility shows to this caller at all (their own profile always does). */
    public boolean maySee(long leaderId, String visibility) {
        return visibleLevels().contains(visibility) || isLeader(leaderId);
    }

    /** The visibility levels of leaders this caller may see. */
    public List<String> visibleLevels() {
        if (isStaff()) {
            return List.of("public", "registered", "programme");
        }
        return signedIn() ? List.of("public", "registered") : List.of("public");
    }
}
