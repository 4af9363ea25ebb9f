package org.joinedup.account;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.OneLine;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Roles;

/** Asking for an account with a work address, confirming the address, and programme staff's decision. */
@Path("/api/account-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountRequestResource {

    private static final List<String> STATES = List.of(AccountRequest.UNCONFIRMED, AccountRequest.PENDING, AccountRequest.APPROVED,
            AccountRequest.REJECTED);

    @Inject
    AccountRequestService requests;

    public record AccountRequestInput(@NotBlank @Size(max = 254) @Schema(examples = "pat.partner@nhs.net") String email,
            @NotBlank @Size(max = AccountRequestService.MAX_NAME) @Pattern(regexp = OneLine.PATTERN, message = OneLine.MESSAGE)
            @Schema(examples = "Pat Partner") String fullName,
            @Size(max = AccountRequestService.MAX_NAME) @Pattern(regexp = OneLine.PATTERN, message = OneLine.MESSAGE)
            @Schema(examples = "Director of Integration") String jobTitle,
            @Size(max = AccountRequestService.MAX_ORGANISATION) @Schema(description = "The code of the organisation you work for (GET /api/organisations)", examples = "RK5")
            String organisation) {
    }

    public record Confirmation(@NotBlank @Size(max = 100) String token) {
    }

    public record Rejection(@Size(max = 1000) @Schema(description = "Said in the mail to the person") String note) {
    }

    @POST
    @PermitAll
    @Operation(operationId = "askForAccount", summary = "Ask for an account",
            description = "With your work address: a link to confirm it is mailed there; once confirmed, programme staff approve or reject "
                    + "the request, and until then there is no account. The answer says what the address's domain matched (an organisation, "
                    + "a shared NHS domain that proves NHS employment only, or nothing) and is otherwise the same for every address. At most 3 "
                    + "confirmation mails an hour go to one address, within a limit of asks per client; past either the answer is the same.")
    @APIResponse(responseCode = "202", description = "Asked", content = @Content(schema = @Schema(implementation = AccountRequestService.Asked.class)))
    public Response ask(@Valid @NotNull AccountRequestInput input, @Context HttpServerRequest http) {
        return Response.accepted(requests.ask(input.email(), input.fullName(), input.jobTitle(), input.organisation(), MailAskLimits.clientOf(http)))
                .build();
    }

    @POST
    @Path("/confirmation")
    @PermitAll
    @Operation(operationId = "confirmAccountRequestAddress", summary = "Confirm the address of an account request",
            description = "With the token from the mailed link; the request then waits for programme staff. A forged, used or out-of-date link is a 410.")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(schema = @Schema(implementation = AccountRequestView.class)))
    @APIResponse(responseCode = "410", description = LinkProblems.GONE)
    public AccountRequestView confirm(@Valid @NotNull Confirmation confirmation) {
        return requests.confirm(confirmation.token()).orElseThrow(LinkProblems::gone);
    }

    @GET
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "listAccountRequests", summary = "List account requests",
            description = "Those in a state, oldest confirmed first; by default the pending ones (address confirmed, waiting for a decision).")
    public List<AccountRequestView> list(@QueryParam("state") @DefaultValue("pending") String state) {
        if (!STATES.contains(state)) {
            throw ProblemException.invalid(Violation.query("state", "must be one of " + String.join(", ", STATES)));
        }
        return requests.inState(state);
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "approveAccountRequest", summary = "Approve an account request",
            description = "Makes the account (username: the address; role commissioner, or leader naming its leader; the organisation given, "
                    + "else the one the domain matched, else the one asked for) and mails a link to set its password. Only a pending request (409 otherwise).")
    public AccountRequestView approve(@PathParam("id") long id, @Valid @NotNull AccountRequestService.Approval approval) {
        return requests.approve(id, approval).orElseThrow(() -> ProblemException.notFound("Account request", id));
    }

    @POST
    @Path("/{id}/rejection")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Operation(operationId = "rejectAccountRequest", summary = "Reject an account request",
            description = "The person is mailed the decision, with the note if there is one. Only a pending request (409 otherwise).")
    public AccountRequestView reject(@PathParam("id") long id, @Valid @NotNull Rejection rejection) {
        return requests.reject(id, rejection.note()).orElseThrow(() -> ProblemException.notFound("Account request", id));
    }
}
