package org.joinedup.mail;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
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
    public record Change(@Schema(description = "Kind of mail to choice, as an object; or the list GET answers (each with kind and choice; "
            + "label and fixed are ignored), so what was read can be sent back as it is",
            examples = "{\"introduction\": \"weekly\", \"reminder\": \"never\"}") JsonNode preferences) {
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
            description = "Sets the kinds named; the others stay. Takes an object of kind to choice, or the list GET gives (so what "
                    + "was read can be sent back unchanged). Security mail can only be immediately. Audited when something changed.")
    public MailPreferences.View put(Change change) {
        return preferences.change(accountId(), change == null ? null : choices(change.preferences()));
    }

    /**
     * The object form as it is; the list form (GET's answer) as kind to choice. Anything else, or a
     * list entry without a kind and a choice, is a 400 naming where.
     */
    static Map<String, String> choices(JsonNode preferences) {
        if (preferences == null || preferences.isNull()) {
            return null;
        }
        var choices = new LinkedHashMap<String, String>();
        var violations = new ArrayList<Violation>();
        if (preferences.isObject()) {
            preferences.fields().forEachRemaining(e -> choices.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } else if (preferences.isArray()) {
            for (int i = 0; i < preferences.size(); i++) {
                var entry = preferences.get(i);
                if (!entry.path("kind").isTextual() || !entry.path("choice").isTextual()) {
                    violations.add(Violation.body("preferences[" + i + "]", "needs a kind and a choice, as GET gives them"));
                } else {
                    choices.put(entry.get("kind").asText(), entry.get("choice").asText());
                }
            }
        } else {
            violations.add(Violation.body("preferences", "must be an object of kind to choice, or the list GET gives"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return choices;
    }

    private long accountId() {
        return Account.byUsername(user.name()).map(a -> a.id).orElseThrow(() -> ProblemException.notFound("Account", user.name()));
    }
}
