package org.joinedup.notification;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;

@Path("/api/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Your account and data")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    /** How many notifications were marked read. */
    public record Marked(int marked) {
    }

    @GET
    @Operation(operationId = "listMyNotifications", summary = "List your notifications",
            description = "What happened that concerns you (introductions, mentorships, corroboration, verification, reminders), "
                    + "newest first, a page at a time, with how many of all of them you have not read.")
    public NotificationList list(@Valid @BeanParam PageRequest paging) {
        return notifications.mine(paging);
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read",
            description = "Marks one of your notifications read; marking it again changes nothing. Someone else's is not found.")
    @APIResponse(responseCode = "200", description = "Marked read", content = @Content(schema = @Schema(implementation = NotificationView.class)))
    public NotificationView markRead(@PathParam("id") long id) {
        return notifications.markRead(id).orElseThrow(() -> ProblemException.notFound("Notification", id));
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all your notifications read",
            description = "Marks every unread notification of yours read and says how many there were.")
    public Marked markAllRead() {
        return new Marked(notifications.markAllRead());
    }
}
