package org.joinedup.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
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

    /** Where a request keeps its caller's identity once resolved (see {@link #identity()}). */
    private static final String IDENTITY = CurrentUser.class.getName() + ".identity";

    @Inject
    CurrentIdentityAssociation association;

    @Inject
    CurrentVertxRequest http;

    @Inject
    DelegateGrants grants;

    @Inject
    CallerDelegations delegations;

    /** Serving an HTTP request (the request context alone is also active at start-up, for the demo loader). */
    public boolean inRequest() {
        return Arc.container().requestContext().isActive() && http.getCurrent() != null;
    }

    public String name() {
        if (!inRequest()) {
            return SYSTEM;
        }
        var caller = identity();
        return caller.isAnonymous() ? ANONYMOUS : caller.getPrincipal().getName();
    }

    public boolean signedIn() {
        return inRequest() && !identity().isAnonymous();
    }

    public boolean has(String role) {
        return !inRequest() || identity().hasRole(role);
    }

    /**
     * The caller's identity, resolved once for the request: through the injected {@code SecurityIdentity} every question
     * (a role, anonymous or not) waited on the deferred identity again, and a search asks six to ten of them, which was
     * 6% of a search's CPU in the service (docs/benchmarks.md, "The service's own CPU, a second look").
     */
    private SecurityIdentity identity() {
        var request = http.getCurrent();
        SecurityIdentity caller = request.get(IDENTITY);
        if (caller == null) {
            caller = association.getIdentity();
            request.put(IDENTITY, caller);
        }
        return caller;
    }

    /** Programme staff and admins see and handle everyone; the system does too. */
    public boolean isStaff() {
        return has(Roles.PROGRAMME) || has(Roles.ADMIN);
    }

    /** The signed-in caller's token, if they signed in with one. */
    public Optional<JsonWebToken> token() {
        return signedIn() && identity().getPrincipal() instanceof JsonWebToken token ? Optional.of(token) : Optional.empty();
    }

    /** The leader this account is linked to, if it is a leader account. */
    public Optional<Long> leaderId() {
        // from the identity already resolved: the injected JsonWebToken would wait on the deferred identity again
        if (!signedIn() || !(identity().getPrincipal() instanceof JsonWebToken token) || token.getClaim(LEADER_CLAIM) == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim(LEADER_CLAIM);
        return Optional.of(claim instanceof Number n ? n.longValue() : Long.parseLong(claim.toString()));
    }

    public boolean isLeader(long leaderId) {
        return leaderId().filter(id -> id == leaderId).isPresent();
    }

    /**
     * Everything a leader may do with their own profile: the leader themself and admins (and the
     * system). Visibility, contact details, deleting, granting delegates and answering as the leader
     * stop here; a delegate only gets {@link #mayEditFor}.
     */
    public boolean mayActFor(long leaderId) {
        return !inRequest() || has(Roles.ADMIN) || isLeader(leaderId);
    }

    /**
     * Editing a leader's profile fields and records: whoever {@link #mayActFor} them, or an account
     * the leader made their delegate. The one place the delegate rule lives; from here on this
     * request's audit entries name the caller as acting for that leader.
     */
    public boolean mayEditFor(long leaderId) {
        if (mayActFor(leaderId)) {
            return true;
        }
        if (isDelegateOf(leaderId)) {
            delegations.actFor(leaderId);
            return true;
        }
        return false;
    }

    /** Whether the caller is a delegate of this leader (never of their own profile), as the database says now. */
    public boolean isDelegateOf(long leaderId) {
        if (!signedIn() || isLeader(leaderId)) {
            return false;
        }
        return delegations.leaders(() -> grants.leadersOf(name())).contains(leaderId);
    }

    /** Who the audit trail names: the caller, or "<delegate> for leader <id>" once a delegation let them change something. */
    public String actor() {
        var actingFor = signedIn() ? delegations.actingFor() : null;
        return actingFor == null ? name() : name() + " for leader " + actingFor;
    }

    /** Whether a leader with this visibility shows to this caller at all (their own profile, and one they are a delegate of, always does). */
    public boolean maySee(long leaderId, String visibility) {
        return visibleLevels().contains(visibility) || isLeader(leaderId) || isDelegateOf(leaderId);
    }

    /** The visibility levels of leaders this caller may see. */
    public List<String> visibleLevels() {
        if (isStaff()) {
            return List.of("public", "registered", "programme");
        }
        return signedIn() ? List.of("public", "registered") : List.of("public");
    }
}
