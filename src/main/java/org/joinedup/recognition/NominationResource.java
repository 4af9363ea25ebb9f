package org.joinedup.recognition;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.account.MailAskLimits;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Nominations in a round: made while it is nominating by signed-in accounts (and, in a round open to
 * the public, by anyone with an e-mail address they confirm), read by staff and, from judging on, its judges.
 */
@Path("/api/rounds/{id}/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nomination rounds")
public class NominationResource {

    @Inject
    NominationService nominations;

    @Inject
    PublicNominations publicNominations;

    @Inject
    CurrentUser user;

    @POST
    @PermitAll
    @Operation(operationId = "nominate", summary = "Nominate someone in a round",
            description = "Only while the round is nominating (else 409). The nominee is a leader you may see ({\"leaderId\": 12}; one you "
                    + "may not see is a 404) or a person not yet in the registry ({\"name\", \"email\", \"homeArea\"}: added as a leader seen "
                    + "by programme staff only, and invited by mail to claim the profile). At least one reason, by the round's criterion codes "
                    + "(an unknown one is a 400 naming reasons.{code}); recordIds are the nominee's published records (else recordIds[i]). "
                    + "A leader cannot nominate themselves; one nomination per nominator per nominee per round (a second is a 409); "
                    + "nominatorEmail is refused (400). Without signing in, only in a round open to the public and taking nominations "
                    + "(else 401; a round that does not exist is a 404): nominatorEmail is required and the nominee must be a leader of "
                    + "the registry (else a 400 naming nominee); "
                    + "the nomination counts once the address is confirmed through the link mailed to it (POST /api/nominations/confirm). "
                    + "The answer is then a 202 that is the same whatever happened: a second nomination of the nominee from the address "
                    + "sends the link again, and past the mail limits (3 mails an hour to an address, the account requests' limit of asks "
                    + "per client) nothing is sent.")
    @APIResponse(responseCode = "201", description = "Nominated", content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "202", description = "Without signing in: a link to confirm the nomination is mailed to nominatorEmail",
            content = @Content(schema = @Schema(implementation = PublicNominations.Asked.class)))
    public Response nominate(@PathParam("id") long id, @Valid @NotNull NominationInput input, @Context HttpServerRequest http) {
        if (!user.signedIn()) {
            return Response.accepted(publicNominations.nominate(id, input, MailAskLimits.clientOf(http))).build();
        }
        var made = nominations.nominate(id, input).orElseThrow(() -> ProblemException.notFound("Round", id));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "listNominees", summary = "List a round's nominees with their nominations and evidence",
            description = "Grouped by nominee, most nominated first, a page at a time: each nominee's name, role, organisation and sector, "
                    + "the evidence their published records carry (records by verification level, outcomes judged and improved, peers "
                    + "mentored) and every nomination with its reasons and linked records. Programme staff and admins always; the round's "
                    + "judges from judging on (else 403), without who nominated.")
    public Page<NomineeView> list(@PathParam("id") long id, @Valid @BeanParam PageRequest paging) {
        return nominations.nominees(id, paging).orElseThrow(() -> ProblemException.notFound("Round", id));
    }

    @DELETE
    @Path("/{nominationId}")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "withdrawNomination", summary = "Withdraw your nomination",
            description = "The nominator withdraws their own nomination while the round is nominating (else 409); anyone else's is a 404.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response withdraw(@PathParam("id") long id, @PathParam("nominationId") long nominationId) {
        if (!nominations.withdraw(id, nominationId)) {
            throw ProblemException.notFound("Nomination", nominationId);
        }
        return Response.noContent().build();
    }
}
