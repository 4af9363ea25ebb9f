package org.joinedup.leader;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ETags;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

/** A mentor's pause: set (or replaced) and ended early; it ends by itself on its day. */
@Path("/api/leaders/{id}/pause")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leaders")
public class MentoringPauseResource {

    @Inject
    LeaderService leaders;

    @PUT
    @WithETag // the answer is the leader, whose version the pause raised: its new ETag, for the next change of the profile
    // any role: a delegate may be any account; the service decides (403)
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "pauseMentor", summary = "Pause a mentor until a date",
            description = "The leader, their delegates, programme staff or an admin makes the leader unavailable to matching and to "
                    + "search's mentoring=available until `until` (after today, at most 2 years ahead; 400 naming it otherwise), "
                    + "replacing any pause; it ends by itself on that day. The reason is shown only to programme staff, admins and "
                    + "the leader. The answer is the leader; If-Match (the leader's ETag from GET /api/leaders/{id}) is optional.")
    public LeaderView pause(@PathParam("id") long id, @Valid @NotNull PauseInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return leaders.pause(id, input, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Leader", id));
    }

    @DELETE
    @WithETag
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "endMentorPause", summary = "End a mentor's pause now",
            description = "The same callers as pausing; the leader is available to matching again at once (if willing, with places "
                    + "left). Harmless when no pause runs. The answer is the leader.")
    public LeaderView end(@PathParam("id") long id,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return leaders.endPause(id, ETags.forChange(ifMatch)).orElseThrow(() -> ProblemException.notFound("Leader", id));
    }
}
