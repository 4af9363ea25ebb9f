package org.joinedup.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.security.Roles;

@Path("/api/admin/mail")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Mail")
public class MailAdminResource {

    @Inject
    MailAdmin admin;

    @GET
    @Operation(operationId = "getMailOverview", summary = "See the mail outbox",
            description = "How many mails are in each state, and the parked and uncertain ones: parked were refused by the SMTP server or "
                    + "retried too long; uncertain were being sent by a copy that stopped mid-send and may or may not have arrived.")
    public MailAdmin.Overview overview() {
        return admin.overview();
    }

    @POST
    @Path("/{id}/resend")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resendMail", summary = "Send a parked or uncertain mail again",
            description = "Queues it again as new (audited). An uncertain mail may already have arrived: resending it risks a second copy, "
                    + "with the same Message-ID. 409 for a mail in any other state.")
    public MailAdmin.Attention resend(@PathParam("id") long id) {
        return admin.resend(id);
    }
}
