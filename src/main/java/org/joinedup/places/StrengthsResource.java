package org.joinedup.places;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.PageRequest;
import org.joinedup.security.Roles;

/** Leaders strong where a place is weak; read from the place's assessment, so open to the same roles as the assessments. */
@Path("/api/areas/{code}/strengths-for-gaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Place assessments")
@RolesAllowed({ Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
public class StrengthsResource {

    @Inject
    Strengths strengths;

    @GET
    @Operation(operationId = "listStrengthsForGaps", summary = "List leaders strong where a place is weak",
            description = "From the place's latest self-assessment: its weakest dimensions (the three lowest scores and every dimension tied "
                    + "with the third, lowest first; a 5 is never weak), the approaches that build them, and the leaders you may see whose "
                    + "records used those approaches, ranked (see ranking in the answer: points for each weak dimension built, more for an "
                    + "improved outcome and for work in a place like this one), a page at a time, each with its reasons and the body of a "
                    + "learning request to POST to /api/learning-requests once learnerId is filled in. A place with no assessment is a 409; "
                    + "a region, a superseded ICB or an unknown code is a 400 naming code.")
    public StrengthsForGaps list(@PathParam("code") String code, @Valid @BeanParam PageRequest paging) {
        return strengths.of(code, paging);
    }
}
