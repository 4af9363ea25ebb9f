package org.joinedup.recognition;

import jakarta.annotation.security.RolesAllowed;
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
import org.joinedup.security.Roles;

/** The nominations the signed-in account has made, in every round. */
@Path("/api/me/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Nomination rounds")
@RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
public class MyNominationResource {

    @Inject
    NominationService nominations;

    @GET
    @Operation(operationId = "listMyNominations", summary = "List your nominations", description = "Newest first, a page at a time.")
    public Page<NominationView> mine(@Valid @BeanParam PageRequest paging) {
        return nominations.mine(paging);
    }
}
