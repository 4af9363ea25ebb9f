package org.joinedup.recognition;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

/**
 * Staff's side of a round after nominations: progress, close, the result and its adjustments,
 * publishing, and the published list. Shares its root path with the round API, which RESTEasy
 * Reactive merges (the path parameter must keep the name id).
 */
@Path("/api/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nomination rounds")
public class ResultResource {

    @Inject
    JudgingService judging;

    @Inject
    ResultService results;

    @GET
    @Path("/{id}/progress")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "getRoundProgress", summary = "Judging progress",
            description = "Per judge: whether they declared their conflicts, and how many nominees they scored of those they may score. No scores.")
    public ProgressView progress(@PathParam("id") long id) {
        return judging.progress(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "closeRound", summary = "Close a round",
            description = "Ends judging, computes the order from the scores (docs: the result method) and stores it. Only while judging;"
                    + " a second close is refused with 409.")
    public ResultView close(@PathParam("id") long id) {
        return results.close(id);
    }

    @GET
    @Path("/{id}/result")
    @WithETag
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "getRoundResult", summary = "A round's result",
            description = "The order with each nominee's mean, judges counted, computed place, selected, ranked and citation, and every"
                    + " move staff made with its reason. Programme staff, and the round's judges, once the round has closed.")
    public ResultView result(@PathParam("id") long id) {
        return results.result(id);
    }

    @POST
    @Path("/{id}/result/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "moveInRoundResult", summary = "Move a nominee in the order",
            description = "Moves a nominee to another place, with a reason that is kept; the others shift and selected and ranked follow"
                    + " the places. Closed, unpublished rounds only. With If-Match, only at the result's version (else 412).")
    @WithETag
    public ResultView move(@PathParam("id") long id, @Valid @NotNull MoveInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return results.move(id, input, ETags.forChange(ifMatch));
    }

    @PUT
    @Path("/{id}/result/citations/{leaderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "citeNominee", summary = "Write a nominee's citation",
            description = "The short citation (up to 600 characters) published with the nominee. Closed, unpublished rounds only."
                    + " With If-Match, only at the result's version (else 412).")
    @WithETag
    public ResultView cite(@PathParam("id") long id, @PathParam("leaderId") long leaderId, @Valid @NotNull CitationInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return results.cite(id, leaderId, input, ETags.forChange(ifMatch));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "publishRound", summary = "Publish a round's list",
            description = "Publishes the selected nominees, in order, to the round's audience (its list visibility). Closed rounds only.")
    public PublishedListView publish(@PathParam("id") long id) {
        return results.publish(id);
    }

    @GET
    @Path("/{id}/list")
    @PermitAll
    @Operation(operationId = "getRoundList", summary = "A round's published list",
            description = "The selected nominees in order, ranked or not, with their citations; a profile link where you may see the"
                    + " profile. Shown to the round's audience (public, signed-in or programme) once published, to staff once closed; 404"
                    + " otherwise.")
    public PublishedListView list(@PathParam("id") long id) {
        return results.list(id);
    }
}
