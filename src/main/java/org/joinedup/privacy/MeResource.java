package org.joinedup.privacy;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.Problem;
import org.joinedup.security.AccountView;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Your account and data")
public class MeResource {

    @Inject
    PersonalDataService personalData;

    @Inject
    LeaderService leaders;

    @Inject
    CurrentUser user;

    public record Me(AccountView account, LeaderView leader) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "getMe", summary = "Who you are",
            description = "The account you are signed in as, and the leader a leader account is linked to.")
    public Me me() {
        return new Me(personalData.account(), user.leaderId().flatMap(leaders::findForCaller).orElse(null));
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "exportMyData", summary = "Export your data",
            description = "Everything held about you, as one JSON document (a download).")
    @APIResponse(responseCode = "200", description = "Your data", content = @Content(schema = @Schema(implementation = PersonalData.class)))
    public Response export() {
        return Response.ok(personalData.export()).header("Content-Disposition", "attachment; filename=\"joinedup-my-data.json\"").build();
    }

    @DELETE
    @RolesAllowed(Roles.LEADER)
    @Operation(operationId = "eraseMe", summary = "Erase yourself",
            description = "Your profile, records, requests and account, from the database and the search index.")
    @APIResponse(responseCode = "204", description = "Erased")
    // no body on success: a client that accepts only problem+json, what its errors are, is served (not 406)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    public Response erase() {
        personalData.erase();
        return Response.noContent().build();
    }
}
