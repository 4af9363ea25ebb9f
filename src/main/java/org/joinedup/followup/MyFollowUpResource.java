package org.joinedup.followup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.security.Roles;

/** The follow-ups the signed-in learner has been asked; a class of its own beside /api/me (see LeaderRecordResource). */
@Path("/api/me/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups")
public class MyFollowUpResource {

    @Inject
    FollowUpService followUps;

    @GET
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "listMyFollowUps", summary = "List the follow-ups you have been asked",
            description = "3 and 6 months after a mentorship of yours as learner completed you are asked what changed; "
                    + "answered ones are listed with your answer.")
    public List<FollowUpView> mine() {
        return followUps.mine();
    }
}
