package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import org.joinedup.account.AccountRequest;
import org.joinedup.account.AccountRequestService;
import org.joinedup.account.AccountRequestView;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

/** Programme staff's list of confirmed account requests, to approve or reject. */
@Path("/programme/account-requests")
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AccountRequestPages {

    @CheckedTemplate(basePath = "AccountPages")
    static class Templates {
        static native TemplateInstance requests(List<AccountRequestView> requests, String flash, FormErrors errors);
    }

    @Inject
    AccountRequestService requests;

    @Inject
    PageContext page;

    @GET
    public Response list(@QueryParam("done") String done) {
        return Pages.html(200, Templates.requests(requests.inState(AccountRequest.PENDING), Done.message(done), FormErrors.NONE));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        requests.approve(id, new AccountRequestService.Approval(null, null, null)).orElseThrow(() -> ProblemException.notFound("Account request", id));
        return Pages.seeOther(Done.ACCOUNT_APPROVED.on("/programme/account-requests"));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        requests.reject(id, new FormValues(form).get("note")).orElseThrow(() -> ProblemException.notFound("Account request", id));
        return Pages.seeOther(Done.ACCOUNT_REJECTED.on("/programme/account-requests"));
    }
}
