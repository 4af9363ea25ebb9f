package org.joinedup.recognition;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.security.Roles;

/** A judge's side of a round: conflicts, then scores. Any account may be a judge, so any role may call; the service checks the panel. */
@Path("/api/rounds/{id}/judging")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
@Tag(name = "Nomination rounds")
public class JudgingResource {

    @Inject
    JudgingService judging;

    @GET
    @Path("/conflicts")
    @Operation(operationId = "getRoundConflicts", summary = "Your conflicts in a round",
            description = "For a judge while the round is judging: the conflicts the registry suggests (a nominee of your own organisation,"
                    + " or one whose published records name your organisation as a partner) and those you confirmed.")
    public ConflictsView conflicts(@PathParam("id") long id) {
        return judging.conflicts(id);
    }

    @PUT
    @Path("/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declareRoundConflicts", summary = "Confirm your conflicts in a round",
            description = "Replaces your whole set of conflicts (reasons own-organisation, partner-organisation or declared); scoring"
                    + " needs this first. Declaring a conflict removes your scores for that nominee.")
    public ConflictsView declare(@PathParam("id") long id, @Valid @NotNull ConflictsInput input) {
        return judging.declare(id, input);
    }

    @GET
    @Path("/scores")
    @Operation(operationId = "listRoundScores", summary = "Scores in a round",
            description = "Before the round closes, your own scores only; after, every judge's, for the panel and programme staff.")
    public ScoresView scores(@PathParam("id") long id) {
        return judging.scores(id);
    }

    @PUT
    @Path("/scores/{leaderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scoreNominee", summary = "Score a nominee",
            description = "Your scores for one nominee you are not conflicted with: every criterion of the round, 1 to 5. Replaces any"
                    + " you gave before.")
    public SheetView score(@PathParam("id") long id, @PathParam("leaderId") long leaderId, @Valid @NotNull ScoresInput input) {
        return judging.score(id, leaderId, input);
    }
}
