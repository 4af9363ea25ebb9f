package org.joinedup.delegate;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The leaders the signed-in account is a delegate of; a class of its own beside /api/me (see LeaderRecordResource). */
@Path("/api/me/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delegates")
public class MyDelegationResource {

    @Inject
    DelegateService delegates;

    @GET
    @Authenticated
    @Operation(operationId = "listMyDelegations", summary = "List the leaders you are a delegate of",
            description = "Whose profile and records you may edit, as their delegate, and since when.")
    public List<DelegationView> mine() {
        return delegates.mine();
    }
}
