package org.joinedup.integration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

/** The records the signed-in leader was invited to have led together; a class of its own beside /api/me (see LeaderRecordResource). */
@Path("/api/me/co-leads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class MyCoLeadResource {

    @Inject
    CoLeadService coLeads;

    @GET
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "listMyCoLeads", summary = "List the records you were invited to have led together",
            description = "Invitations waiting for your answer first, then those you confirmed, newest first.")
    public Page<CoLeadView> mine(@Valid @BeanParam PageRequest paging) {
        return coLeads.mine(paging);
    }

    @POST
    @Path("/{recordId}/confirm")
    // no body: a client need not send a content type
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "confirmCoLead", summary = "Confirm you led a record together with its leader",
            description = "From then on the record shows on your profile and in search as your work too, with your role. 404 when you "
                    + "were not invited to it; 409 when you confirmed already.")
    public CoLeaderView confirm(@PathParam("recordId") long recordId) {
        return coLeads.confirm(recordId).orElseThrow(() -> ProblemException.notFound("Co-lead invitation", recordId));
    }

    @POST
    @Path("/{recordId}/decline")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "declineCoLead", summary = "Decline an invitation to a record (or leave one you confirmed)",
            description = "Your place on the record goes; 404 when you were not invited to it.")
    @APIResponse(responseCode = "204", description = "Declined")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response decline(@PathParam("recordId") long recordId) {
        if (!coLeads.decline(recordId)) {
            throw ProblemException.notFound("Co-lead invitation", recordId);
        }
        return Response.noContent().build();
    }
}
