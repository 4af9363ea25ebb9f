package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import org.joinedup.mail.MailChoice;
import org.joinedup.mail.MailPreferences;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Account;
import org.joinedup.security.CurrentUser;

/** Which mails the signed-in person gets, and when: one set of radios per kind (works without JavaScript). */
@Path("/account/mail")
@Blocking
public class AccountMailPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mail(List<MailPreferences.Preference> preferences, List<MailChoice> choices, String flash, FormErrors errors);
    }

    @Inject
    MailPreferences preferences;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("saved") String saved) {
        var flash = saved != null ? "Your mail choices are saved." : null;
        return Pages.html(200, Templates.mail(preferences.view(accountId()).preferences(), List.of(MailChoice.values()), flash, FormErrors.NONE));
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var id = accountId();
        var changes = new LinkedHashMap<String, String>();
        for (var preference : preferences.view(id).preferences()) {
            var chosen = form.getFirst(preference.kind());
            if (!preference.fixed() && chosen != null) {
                changes.put(preference.kind(), chosen);
            }
        }
        try {
            preferences.change(id, changes);
            return Pages.seeOther("/account/mail?saved=1");
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            var shown = preferences.view(id).preferences().stream()
                    .map(p -> new MailPreferences.Preference(p.kind(), p.label(), changes.getOrDefault(p.kind(), p.choice()), p.fixed())).toList();
            return Pages.html(400, Templates.mail(shown, List.of(MailChoice.values()), null,
                    new FormErrors(e.problem().violations(), f -> f.replace("preferences.", ""))));
        }
    }

    private long accountId() {
        return Account.byUsername(user.name()).map(a -> a.id).orElseThrow(() -> ProblemException.notFound("Account", user.name()));
    }
}
