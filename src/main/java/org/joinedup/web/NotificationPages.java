package org.joinedup.web;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.joinedup.notification.NotificationService;
import org.joinedup.platform.ProblemException;

/** The forms of the notifications section of My work: mark one, or all, read; back to the list. */
@Path("/my-work/notifications")
@Blocking
@Authenticated
public class NotificationPages {

    private static final String BACK = "/my-work#notifications";

    @Inject
    NotificationService notifications;

    @Inject
    PageContext page;

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markRead(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        notifications.markRead(id).orElseThrow(() -> ProblemException.notFound("Notification", id));
        return Pages.seeOther(BACK);
    }

    @POST
    @Path("/read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markAllRead(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        notifications.markAllRead();
        return Pages.seeOther(BACK);
    }
}
