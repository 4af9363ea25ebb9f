package org.joinedup.mail;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Account;
import org.joinedup.security.CurrentUser;

/** The signed-in person's mail preferences; a class of its own beside /api/me. */
@Path("/api/me/mail-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Mail")
public class MailPreferenceResource {

    @Schema(name = "MailPreferenceChange", description = "Kinds to change, each to immediately, weekly or never; kinds not named stay as they are")
    public record Change(@Schema(description = "Kind of mail to choice", examples = "{\"introduction\": \"weekly\", \"reminder\": \"never\"}")
    Map<String, String> preferences) {
    }

    @Inject
    MailPreferences preferences;

    @Inject
    CurrentUser user;

    @GET
    @Operation(operationId = "getMyMailPreferences", summary = "Read which mails you get",
            description = "Every kind of mail with your choice: immediately (the default), weekly (in a digest) or never. Security mail is always sent.")
    public MailPreferences.View get() {
        return preferences.view(accountId());
    }

    @PUT
    @Operation(operationId = "updateMyMailPreferences", summary = "Choose which mails you get",
            description = "Sets the kinds named; the others stay. Security mail can only be immediately. Audited.")
    public MailPreferences.View put(Change change) {
        return preferences.change(accountId(), change == null ? null : change.preferences());
    }

    private long accountId() {
        return Account.byUsername(user.name()).map(a -> a.id).orElseThrow(() -> ProblemException.notFound("Account", user.name()));
    }
}
