package org.joinedup.followup;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;

/** A leader's mentoring track record; a class of its own under /api/leaders (see LeaderRecordResource). */
@Path("/api/leaders/{leaderId}/track-record")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups")
public class TrackRecordResource {

    @Inject
    FollowUpService followUps;

    @GET
    @PermitAll
    @Operation(operationId = "getTrackRecord", summary = "Get a leader's mentoring track record",
            description = "Mentorships completed as mentor, follow-up answers and how many of them would recommend the mentor "
                    + "(\"2 of 3\"), and published records learners started from what they learned. 404 when the leader is hidden from you.")
    public TrackRecord get(@PathParam("leaderId") long leaderId) {
        return followUps.trackRecordForCaller(leaderId).orElseThrow(() -> ProblemException.notFound("Leader", leaderId));
    }
}
