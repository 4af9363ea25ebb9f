package org.joinedup.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.WithETag;
import org.joinedup.security.Roles;

@Path("/api/matching-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cohort matching")
public class MatchingProfileResource {

    @Inject
    MatchingProfileService profiles;

    @GET
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "listMatchingProfiles", summary = "List the programmes' matching profiles",
            description = "Every programme of the programmes vocabulary with the weights and musts its matches use: its own profile, or the "
                    + "built-in default (builtIn true, version 0), which gives the scores of before profiles existed. Pages count from 0.")
    public Page<MatchingProfileView> list(@Valid @BeanParam PageRequest paging) {
        var all = profiles.list();
        int from = (int) Math.min(all.size(), (long) paging.page() * paging.size());
        int to = Math.min(all.size(), from + paging.size());
        return Page.of(all.subList(from, to), paging, all.size());
    }

    @GET
    @Path("/{programme}")
    @WithETag
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "getMatchingProfile", summary = "Get a programme's matching profile",
            description = "The weights (0 to 10 for each part of the score) and musts that single matches and cohorts under this programme use; "
                    + "404 naming the programme when there is no such programme.")
    public MatchingProfileView get(@PathParam("programme") String programme) {
        return profiles.find(programme).orElseThrow(() -> profiles.unknown(programme));
    }

    @PUT
    @Path("/{programme}")
    @WithETag
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "updateMatchingProfile", summary = "Replace a programme's matching profile",
            description = "Programme staff and admins. Weights are whole numbers from 0 to 10 (5 gives a part its usual points, 0 turns it "
                    + "off, 10 doubles it; a part left out takes the default's weight); musts from same-region, trained, verified-record, "
                    + "approach-in-common. A bad weight, an unknown part or must is a 400 naming it. What a GET gives can be sent back as it is. "
                    + "Send the version you read, or its ETag as If-Match: a stale version is 409, a stale If-Match 412.")
    public MatchingProfileView update(@PathParam("programme") String programme, @Valid @NotNull MatchingProfileInput input,
            @Parameter(description = ETags.IF_MATCH_HELP) @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        return profiles.update(programme, input, ETags.forUpdate(ifMatch, input.version())).orElseThrow(() -> profiles.unknown(programme));
    }
}
