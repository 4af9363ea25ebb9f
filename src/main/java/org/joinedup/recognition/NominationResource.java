package org.joinedup.recognition;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

/** Nominations in a round: made by signed-in accounts while it is nominating, read by staff and, from judging on, its judges. */
@Path("/api/rounds/{id}/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nomination rounds")
@RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
public class NominationResource {

    @Inject
    NominationService nominations;

    @POST
    @Operation(operationId = "nominate", summary = "Nominate someone in a round",
            description = "Only while the round is nominating (else 409). The nominee is a leader you may see ({\"leaderId\": 12}; one you "
                    + "may not see is a 404) or a person not yet in the registry ({\"name\", \"email\", \"homeArea\"}: added as a leader seen "
                    + "by programme staff only, and invited by mail to claim the profile). At least one reason, by the round's criterion codes "
                    + "(an unknown one is a 400 naming reasons.{code}); recordIds are the nominee's published records (else recordIds[i]). "
                    + "A leader cannot nominate themselves; one nomination per nominator per nominee per round (a second is a 409).")
    @APIResponse(responseCode = "201", description = "Nominated", content = @Content(schema = @Schema(implementation = NominationView.class)))
    public Response nominate(@PathParam("id") long id, @Valid @NotNull NominationInput input) {
        var made = nominations.nominate(id, input).orElseThrow(() -> ProblemException.notFound("Round", id));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
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
