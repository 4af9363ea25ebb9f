package org.joinedup.followup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

@Path("/api/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups")
public class FollowUpResource {

    @Inject
    FollowUpService followUps;

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "answerFollowUp", summary = "Answer a follow-up",
            description = "The learner says what changed and whether they would recommend their mentor, and may start a draft record "
                    + "of their own work linked \"learned from\" the mentor (its id is in recordId; complete it with PUT "
                    + "/api/records/{id} and publish it with POST /api/records/{id}/publish). Answered once: a second answer is 409, "
                    + "as is an answer before the follow-up was asked. 404 for anyone but the learner.")
    public FollowUpView answer(@PathParam("id") long id, @Valid @NotNull FollowUpAnswer answer) {
        return followUps.answer(id, answer).orElseThrow(() -> ProblemException.notFound("Follow-up", id));
    }
}
