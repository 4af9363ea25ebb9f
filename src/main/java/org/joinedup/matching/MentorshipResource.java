package org.joinedup.matching;

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
import jakarta.ws.rs.QueryParam;
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

@Path("/api/mentorships")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEADER, Roles.PROGRAMME, Roles.ADMIN })
@Tag(name = "Mentorships")
public class MentorshipResource {

    /** Who writes which closing words, for both operations that take them. */
    private static final String CLOSING_RULES = "The mentor writes mentorNote; the learner learnerNote and learnerWouldRecommend; "
            + "another side's words are a 400. Programme staff and admins writing for someone set onBehalfOf to mentor or learner, "
            + "and the audit trail records it.";

    @Inject
    MentorshipService mentorships;

    @POST
    @WithETag
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "proposeMentorship", summary = "Propose a mentor for a learning request",
            description = "Usually a mentor from the request's matches; takes a place of the mentor's capacity until declined or closed.")
    @APIResponse(responseCode = "201", description = "Proposed", content = @Content(schema = @Schema(implementation = MentorshipView.class)))
    public Response propose(@Valid @NotNull MentorshipInput input, @Context UriInfo uri) {
        var created = mentorships.propose(input, null);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listMentorships", summary = "List mentorships",
            description = "A page at a time; filter by mentor, learner, request and status.")
    public Page<MentorshipView> list(@QueryParam("mentorId") Long mentorId, @QueryParam("learnerId") Long learnerId,
            @QueryParam("requestId") Long requestId, @QueryParam("status") String status, @Valid @BeanParam PageRequest paging) {
        return mentorships.list(mentorId, learnerId, requestId, status, paging);
    }

    @GET
    @Path("/{id}")
    @WithETag
    @Operation(operationId = "getMentorship", summary = "Get a mentorship", description = "One mentorship, with its status and closing words.")
    public MentorshipView get(@PathParam("id") long id) {
        return mentorships.find(id).orElseThrow(() -> ProblemException.notFound("Mentorship", id));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptMentorship", summary = "Accept a proposed mentorship", description = "The mentor accepts a proposal.")
    public MentorshipView accept(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return move(id, MentorshipStatus.ACCEPTED, null, ifMatch);
    }

    @POST
    @Path("/{id}/decline")
    @Operation(operationId = "declineMentorship", summary = "Decline a mentorship",
            description = "The mentor declines a proposal (or an accepted mentorship before it starts); frees the place.")
    public MentorshipView decline(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return move(id, MentorshipStatus.DECLINED, null, ifMatch);
    }

    @POST
    @Path("/{id}/start")
    @Operation(operationId = "startMentorship", summary = "Start a mentorship", description = "An accepted mentorship becomes active.")
    public MentorshipView start(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return move(id, MentorshipStatus.ACTIVE, null, ifMatch);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeMentorship", summary = "Complete a mentorship",
            description = "An active mentorship ends; the caller may add their own closing words (see PUT .../closing). " + CLOSING_RULES)
    public MentorshipView complete(@PathParam("id") long id, @Valid MentorshipClosing closing,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return move(id, MentorshipStatus.COMPLETED, closing, ifMatch);
    }

    @PUT
    @Path("/{id}/closing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateMentorshipClosing", summary = "Write closing words on a mentorship",
            description = "Add or change your own closing words on a completed mentorship. " + CLOSING_RULES)
    public MentorshipView close(@PathParam("id") long id, @Valid MentorshipClosing closing,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return mentorships.close(id, closing, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Mentorship", id));
    }

    private MentorshipView move(long id, MentorshipStatus to, MentorshipClosing closing, String ifMatch) {
        return mentorships.move(id, to, closing, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Mentorship", id));
    }
}
