package org.joinedup.places;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.security.Roles;

/**
 * A place's self-assessments. A place's own view of its weaknesses is for the people who plan and
 * commission with it (commissioners, programme staff, admins), not for leaders or the public.
 */
@Path("/api/areas/{code}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Place assessments")
@RolesAllowed({ Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
public class AssessmentResource {

    private static final String PLACE = " The code is a current ICB or an upper-tier council (a region, a superseded ICB or an unknown code is a 400 naming code).";

    @Inject
    AssessmentService assessments;

    @POST
    @Operation(operationId = "recordPlaceAssessment", summary = "Record a place's self-assessment",
            description = "A score 0 to 5 on every one of SCIROCCO's 12 dimensions (GET /api/vocabularies/dimensions), the day the place "
                    + "assessed itself and an optional note; the assessor is the signed-in account. Each problem is a 400 naming its field "
                    + "(scores.{dimension} for a missing, unknown, fractional or out-of-range score). The history is append-only: every POST "
                    + "is a new assessment, identical ones included." + PLACE)
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    public Response record(@PathParam("code") String code, @Valid @NotNull AssessmentInput input) {
        return Response.status(Response.Status.CREATED).entity(assessments.record(code, input)).build();
    }

    @GET
    @Operation(operationId = "listPlaceAssessments", summary = "List a place's self-assessments",
            description = "Every assessment of the place, newest first (by the day assessed, then the order recorded), a page at a time "
                    + "(pages count from 0). An assessor whose account was erased shows as removed (assessedBy null, assessorRemoved true)." + PLACE)
    public Page<AssessmentView> history(@PathParam("code") String code, @Valid @BeanParam PageRequest paging) {
        return assessments.history(code, paging);
    }
}
