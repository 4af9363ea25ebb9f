package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.integration.CorroborationRequestInput;
import org.joinedup.integration.CorroborationRequestView;
import org.joinedup.integration.CorroborationService;
import org.joinedup.integration.EndorsementInput;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.AccountService;
import org.joinedup.security.AccountView;
import org.joinedup.security.CurrentUser;

/**
 * Corroboration in the browser: an account of a partner organisation answers what its
 * organisation was asked (confirm or reject, with a comment), and a record's owner asks a
 * partner from My work. The rules are the corroboration service's; these pages only show them.
 */
@Path("/corroboration")
@Authenticated
@Blocking
public class CorroborationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance asked(OrganisationView organisation, List<Asked> asked, String flash, FormErrors errors,
                FormValues values);
    }

    /**
     * A request to the caller's organisation, with the record as the caller may see it (null when
     * it is hidden from them); a refused answer's record without a request has no request.
     */
    public record Asked(long recordId, String title, CorroborationRequestView request, RecordView record) {

        /** The comment field of this record's form, which errors are shown beside. */
        public String field() {
            return "comment-" + recordId;
        }
    }

    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);

    @Inject
    CorroborationService corroboration;

    @Inject
    IntegrationRecordService records;

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response asked(@QueryParam("done") String done) {
        return show(200, Done.message(done), FormErrors.NONE, FormValues.empty(), null);
    }

    @POST
    @Path("/records/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response answer(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var comment = values.get("comment").strip();
        var decision = values.get("decision");
        try {
            corroboration.endorse(id, new EndorsementInput(decision, comment.isEmpty() ? null : comment))
                    .orElseThrow(() -> ProblemException.notFound("Record", id));
        } catch (ProblemException e) {
            if (e.problem().status() == 404 || e.problem().status() >= 500) {
                throw e;
            }
            // beside the comment of this record's form: its only field a person types
            return show(e.problem().status(), null, errors(e, "comment-" + id), values, id);
        }
        return Pages.seeOther(("rejected".equals(decision) ? Done.CORROBORATION_REJECTED : Done.CORROBORATION_CONFIRMED).on("/corroboration"));
    }

    /** The owner (or programme staff) asks one of the record's partners; back to My work. */
    @POST
    @Path("/records/{id}/ask")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var code = new FormValues(form).get("organisation");
        corroboration.ask(id, new CorroborationRequestInput(code.isBlank() ? null : code)).orElseThrow(() -> ProblemException.notFound("Record", id));
        return Pages.seeOther(Done.CORROBORATION_ASKED.on("/my-work") + "#corroboration-" + id);
    }

    /** A rule's refusal (403, 409) has no field: it is said beside the form it came from. */
    static FormErrors errors(ProblemException e, String field) {
        var violations = e.problem().violations().isEmpty()
                ? List.of(Violation.body(field, "this could not be saved: " + e.problem().detail()))
                : e.problem().violations();
        return new FormErrors(violations, f -> field);
    }

    /** A refused answer keeps its form on the page, with the error beside it, even when the record was not asked of the caller. */
    private Response show(int status, String flash, FormErrors errors, FormValues values, Long refused) {
        var organisation = accounts.find(user.name()).map(AccountView::organisation).orElse(null);
        // one read-only transaction, so the records' collections load in the session that found them
        var asked = QuarkusTransaction.requiringNew().call(() -> {
            var list = new ArrayList<Asked>();
            corroboration.mine(ALL).items().forEach(request -> list.add(new Asked(request.recordId(), request.recordTitle(), request,
                    records.find(request.recordId()).orElse(null))));
            if (refused != null && list.stream().noneMatch(a -> a.recordId() == refused)) {
                records.find(refused).ifPresent(record -> list.add(0, new Asked(record.id(), record.title(), null, record)));
            }
            return list;
        });
        return Pages.html(status, Templates.asked(organisation, asked, flash, errors, values));
    }
}
