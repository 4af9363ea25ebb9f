package org.joinedup.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
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

@Path("/api/learning-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEADER, Roles.PROGRAMME, Roles.ADMIN })
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Learning requests and matches")
public class LearningRequestResource {

    @Inject
    LearningRequestService requests;

    @Inject
    MatchService matches;

    @Inject
    MatchingProfileService profiles;

    @POST
    @WithETag
    @Operation(operationId = "createLearningRequest", summary = "Ask to learn",
            description = "Where, which services to join up, which approaches, at what scope, in which formats. "
                    + "A leader asks for themselves; programme staff and admins for anyone.")
    @APIResponse(responseCode = "201", description = "Asked", content = @Content(schema = @Schema(implementation = LearningRequestView.class)))
    public Response create(@Valid @NotNull LearningRequestInput input, @Context UriInfo uri) {
        var created = requests.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listLearningRequests", summary = "List learning requests",
            description = "A page at a time; filter by learner and status (open, withdrawn).")
    public Page<LearningRequestView> list(@QueryParam("learnerId") Long learnerId, @QueryParam("status") String status,
            @Valid @BeanParam PageRequest paging) {
        return requests.list(learnerId, status, paging);
    }

    @GET
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "getLearningRequest", summary = "Get a learning request", description = "One learning request.")
    public LearningRequestView get(@PathParam("id") long id) {
        return requests.find(id).orElseThrow(() -> ProblemException.notFound("Learning request", id));
    }

    @PUT
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "updateLearningRequest", summary = "Change a learning request",
            description = "Only an open request; send the version you read, or its ETag as If-Match: a stale version is 409, a stale If-Match 412.")
    public LearningRequestView update(@PathParam("id") long id, @Valid @NotNull LearningRequestInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return requests.update(id, input, ETags.forUpdate(ifMatch, input.version()))
                .orElseThrow(() -> ProblemException.notFound("Learning request", id));
    }

    @DELETE
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "withdrawLearningRequest", summary = "Withdraw a learning request",
            description = "The request is kept, marked withdrawn; proposed and accepted mentors are released.")
    public LearningRequestView withdraw(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return requests.withdraw(id, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Learning request", id));
    }

    @GET
    @Path("/{id}/matches")
    @Operation(operationId = "listMentorMatches", summary = "Find the best mentors for a learning request",
            description = "With the score, its parts, the records that earned it and reasons. Never the learner, their own organisation or a declared conflict; only leaders willing to mentor with capacity left. Scored with the matching profile of the request's programme (its weights and musts), or the default.")
    public List<MatchView> matches(@PathParam("id") long id,
            @QueryParam("size") @DefaultValue("10") @Pattern(regexp = "0*([1-9]|[1-4][0-9]|50)", message = "must be a whole number from 1 to 50")
            String size) {
        var need = requests.needOfOpen(id).orElseThrow(() -> ProblemException.notFound("Learning request", id));
        var profile = profiles.used(requests.programmeOf(id), "programme").toProfile();
        return matches.matches(need, profile, Integer.parseInt(size));
    }
}
