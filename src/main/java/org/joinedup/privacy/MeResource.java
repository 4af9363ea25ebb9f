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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
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
    @Operation(summary = "Who you are signed in as, and the leader a leader account is linked to")
    public Me me() {
        return new Me(personalData.account(), user.leaderId().flatMap(leaders::findForCaller).orElse(null));
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Everything held about you, as JSON")
    public Response export() {
        return Response.ok(personalData.export()).header("Content-Disposition", "attachment; filename=\"joinedup-my-data.json\"").build();
    }

    @DELETE
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Erase yourself: your profile, records, requests and account, from the database and the search index")
    public Response erase() {
        personalData.erase();
        return Response.noContent().build();
    }
}
