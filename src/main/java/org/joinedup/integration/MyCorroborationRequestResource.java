package org.joinedup.integration;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;

/** What the signed-in account's organisation has been asked to corroborate; a class of its own beside /api/me (see LeaderRecordResource). */
@Path("/api/me/corroboration-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integration records")
public class MyCorroborationRequestResource {

    @Inject
    CorroborationService corroboration;

    @GET
    @Authenticated
    @Operation(operationId = "listMyCorroborationRequests", summary = "List what your organisation was asked to corroborate",
            description = "Requests to your account's organisation not yet answered for the record's current revision, oldest first.")
    public Page<CorroborationRequestView> mine(@Valid @BeanParam PageRequest paging) {
        return corroboration.mine(paging);
    }
}
