package org.joinedup.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Accounts and audit")
public class AccountAdminResource {

    @Inject
    AccountService accounts;

    @Inject
    AuditTrail audit;

    @Inject
    SigningKeys signingKeys;

    @Inject
    CurrentUser user;

    public record RoleChange(@NotNull List<String> roles) {
    }

    @GET
    @Path("/accounts")
    @Operation(operationId = "listAccounts", summary = "List accounts", description = "Every account, a page at a time (never a password).")
    public Page<AccountView> accounts(@Valid @BeanParam PageRequest paging) {
        return accounts.list(paging);
    }

    @POST
    @Path("/accounts")
    @Operation(operationId = "createAccount", summary = "Create an account", description = "With its roles; a leader account names its leader. The password must meet the password policy (docs/accounts.md).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AccountView.class)))
    public Response create(@Valid @NotNull AccountInput input) {
        return Response.status(Response.Status.CREATED).entity(accounts.createByAdmin(input)).build();
    }

    @PUT
    @Path("/accounts/{id}/roles")
    @Operation(operationId = "updateAccountRoles", summary = "Replace an account's roles", description = "Audited.")
    public AccountView roles(@PathParam("id") long id, @Valid @NotNull RoleChange change) {
        return accounts.changeRoles(id, change.roles()).orElseThrow(() -> ProblemException.notFound("Account", id));
    }

    @POST
    @Path("/accounts/{id}/disable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "disableAccount", summary = "Disable an account",
            description = "It cannot sign in and its tokens stop working at once (audited).")
    public AccountView disable(@PathParam("id") long id) {
        return accounts.setDisabled(id, true, user.name()).orElseThrow(() -> ProblemException.notFound("Account", id));
    }

    @POST
    @Path("/accounts/{id}/enable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "enableAccount", summary = "Enable an account", description = "A disabled account again; it signs in afresh (audited).")
    public AccountView enable(@PathParam("id") long id) {
        return accounts.setDisabled(id, false, user.name()).orElseThrow(() -> ProblemException.notFound("Account", id));
    }

    @GET
    @Path("/signing-keys")
    @Operation(operationId = "listSigningKeys", summary = "List the token signing keys",
            description = "Id, when each signs, when it was retired, and its state (never the private key).")
    public List<SigningKeys.KeyView> signingKeys() {
        return signingKeys.views();
    }

    @POST
    @Path("/signing-keys/rotate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the token signing key",
            description = "The new key is published now and signs after the publish delay; the old one verifies its tokens until they expire (audited).")
    @APIResponse(responseCode = "201", description = "The new key", content = @Content(schema = @Schema(implementation = SigningKeys.KeyView.class)))
    public Response rotate() {
        var key = accounts.rotateSigningKey();
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "listAuditEntries", summary = "Read the audit trail",
            description = "Newest first, a page at a time; filter by actor, action, entity type and id, and time (from, to). The actor "
                    + "filter takes an account's username and finds what it did itself and as a leader's delegate (\"sam-pa for leader 42\"), "
                    + "matching the name whole (\"ann\" finds nothing of \"anna\").")
    public Page<AuditTrail.Entry> audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("from") String from, @QueryParam("to") String to, @Valid @BeanParam PageRequest paging) {
        return audit.search(actor, action, entityType, entityId, instant("from", from), instant("to", to), paging);
    }

    private static Instant instant(String name, String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(Violation.query(name, "must be a time such as 2026-11-25T09:00:00Z"));
        }
    }
}
