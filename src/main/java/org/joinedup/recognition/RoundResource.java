package org.joinedup.recognition;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

/** Nomination rounds: programme staff and admins open and change them; who sees one follows its phase. */
@Path("/api/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nomination rounds")
public class RoundResource {

    private static final String SEEN = " Programme staff and admins see every round; a judge the rounds they judge; any signed-in account the "
            + "rounds taking nominations now; the public those taking nominations from the public. Judges are listed to staff and judges only.";

    @Inject
    RoundService rounds;

    @POST
    @WithETag
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "openRound", summary = "Open a nomination round",
            description = "A name, the question, the criteria (left out: the CI50's six), the dates (nominations open and close, judging "
                    + "closes; in order), how many to select (1 to 500) and rank (0 to selectCount), the judges (ids of enabled accounts, or the "
                    + "{accountId, name} objects a GET shows), "
                    + "who may nominate (signed-in or public) and who will see the list (public, signed-in or programme). Every problem "
                    + "is reported at once, each naming its field (criteria[2].code, judges[0]).")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = RoundView.class)))
    public Response open(@Valid @NotNull RoundInput input, @Context UriInfo uri) {
        var created = rounds.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @PermitAll
    @Operation(operationId = "listRounds", summary = "List nomination rounds", description = "Newest first, a page at a time." + SEEN)
    public Page<RoundView> list(@Valid @BeanParam PageRequest paging) {
        return rounds.list(paging);
    }

    @GET
    @Path("/{id}")
    @WithETag
    @PermitAll
    @Operation(operationId = "getRound", summary = "Get a nomination round",
            description = "With its phase today (scheduled, nominating, judging, closed, published). A round the caller may not see is a 404." + SEEN)
    public RoundView get(@PathParam("id") long id) {
        return rounds.find(id).orElseThrow(() -> ProblemException.notFound("Round", id));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "updateRound", summary = "Change a nomination round",
            description = "The whole round, as for opening it, with the version you read (or its ETag as If-Match). Criteria and judges "
                    + "change only while the round is scheduled; dates may move a round on but not back out of its phase; a closed or "
                    + "published round does not change. Each refusal is a 409 saying why. What a GET gives can be sent back as it is; "
                    + "the same round again changes nothing (no new version, no audit entry).")
    public RoundView update(@PathParam("id") long id, @Valid @NotNull RoundInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return rounds.update(id, input, ETags.forUpdate(ifMatch, input.version())).orElseThrow(() -> ProblemException.notFound("Round", id));
    }
}
