package org.joinedup.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

@Path("/api/cohort-matches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cohort matching")
public class CohortMatchResource {

    @Inject
    CohortMatchService cohorts;

    /** Which rows of a cohort result to propose; all of them when absent. */
    public record Acceptance(List<Integer> rows) {
    }

    @POST
    @Operation(operationId = "runCohortMatch", summary = "Match a cohort of learning requests with mentors",
            description = "Assigns mentors under every mentor's capacity, maximising the total score (mode best-total, the default) or first "
                    + "the number of requests given a mentor and then the total (mode everyone-first), with the pairs staff lock in and none "
                    + "they ban. Exact (minimum-cost flow) over all eligible pairs: each request's best pairs are solved first, then any "
                    + "left-out pair that could still improve the answer is added and solved again. The answer gives both modes' figures, "
                    + "the total and matched count without each lock and ban, and the total a greedy pass would have reached. Deterministic.")
    @APIResponse(responseCode = "201", description = "Matched", content = @Content(schema = @Schema(implementation = CohortResult.class)))
    @APIResponse(responseCode = "409", description = "A lock cannot be kept (mentor unavailable or full, ineligible pair, also banned); "
            + "the problem names it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(@Valid @NotNull CohortMatchInput input, @Context UriInfo uri) {
        var result = cohorts.run(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(result.id())).build()).entity(result).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCohortMatch", summary = "Get a cohort match", description = "A cohort match run earlier, with its pairings.")
    public CohortResult get(@PathParam("id") long id) {
        return cohorts.find(id).orElseThrow(() -> ProblemException.notFound("Cohort match", id));
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptCohortMatch", summary = "Propose a cohort match's pairings",
            description = "Proposes the chosen rows (or all) as mentorships, all or nothing.")
    public List<MentorshipView> accept(@PathParam("id") long id, Acceptance acceptance) {
        return cohorts.accept(id, acceptance == null ? null : acceptance.rows())
                .orElseThrow(() -> ProblemException.notFound("Cohort match", id));
    }
}
