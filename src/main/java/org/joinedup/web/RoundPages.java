package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.Page;
import org.joinedup.account.MailAskLimits;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.recognition.DefaultCriteria;
import org.joinedup.recognition.NominationInput;
import org.joinedup.recognition.NominationService;
import org.joinedup.recognition.NominationView;
import org.joinedup.recognition.PublicNominations;
import org.joinedup.recognition.NomineeView;
import org.joinedup.recognition.RoundInput;
import org.joinedup.recognition.RoundService;
import org.joinedup.recognition.RoundView;
import org.joinedup.security.Roles;

/**
 * Nomination rounds on pages: the list, a form for staff to open one, and a round's page with the
 * nomination form, the visitor's own nominations and, for staff (and judges from judging on), the
 * nominees. The same services and rules as the API; this class only turns form fields into inputs and
 * the services' violations into words beside their fields.
 */
@Path("/rounds")
@Blocking
public class RoundPages {

    /** The visitor's own nominations shown on a round's page: more than anyone makes in one round. */
    private static final int MINE_SHOWN = PageRequest.MAX_SIZE;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rounds(Page<RoundView> rounds, String flash);

        static native TemplateInstance open(RoundForm.Fields form, List<String> visibilities, FormErrors errors);

        static native TemplateInstance round(RoundView round, String flash, NominateForm nominate, List<NominationView> mine,
                Set<Long> profilesShown, Page<NomineeView> nominees, FormErrors errors);
    }

    /** The nomination form: the nominee chosen (null before one is given), their published records, what was typed. */
    public record NominateForm(String nomineeId, LeaderView nominee, List<RecordView> records, FormValues values) {
    }

    @Inject
    RoundService rounds;

    @Inject
    NominationService nominations;

    @Inject
    PublicNominations publicNominations;

    @Inject
    DefaultCriteria defaultCriteria;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    PageContext page;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response list(@Valid @BeanParam PageRequest paging, @QueryParam("done") String done) {
        return Pages.html(200, Templates.rounds(rounds.list(paging), Done.message(done)));
    }

    @GET
    @Path("/new")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Produces(MediaType.TEXT_HTML)
    public Response openForm() {
        var defaults = defaultCriteria.criteria().stream().map(c -> new RoundInput.CriterionInput(c.code, c.name, c.description)).toList();
        return Pages.html(200, Templates.open(RoundForm.blank(defaults), RoundForm.LIST_VISIBILITIES, FormErrors.NONE));
    }

    @POST
    @Path("/new")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response open(MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var typed = RoundForm.read(new FormValues(form));
        try {
            var opened = rounds.create(typed.input());
            typed.requireParsed();
            return Pages.seeOther(Done.ROUND_OPENED.on("/rounds/" + opened.id()));
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return Pages.html(400, Templates.open(typed.fields(), RoundForm.LIST_VISIBILITIES, typed.errors(e)));
        }
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("id") long id, @QueryParam("nominee") String nominee, @QueryParam("done") String done,
            @Valid @BeanParam PageRequest paging) {
        var round = rounds.find(id).orElseThrow(() -> ProblemException.notFound("Round", id));
        var problems = new ArrayList<Violation>();
        var form = nominateForm(nominee, FormValues.empty(), problems);
        var errors = new FormErrors(problems, RoundPages::nominateFieldOf);
        // the public's nomination form needs the pre-session cookie its CSRF token is made from
        return page.formResponse(errors.any() ? 400 : 200, render(round, Done.message(done), form, paging, errors));
    }

    @POST
    @Path("/{id}/nominations")
    // signed in, or anyone in a round open to the public (the service decides, as for the API)
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response nominate(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var round = rounds.find(id).orElseThrow(() -> ProblemException.notFound("Round", id));
        var problems = new ArrayList<Violation>();
        var nominee = values.get("nominee").strip();
        if (nominee.matches("\\d{1,18}")) {
            var reasons = reasons(round, values);
            var email = page.signedIn() ? null : values.get("nominatorEmail").strip();
            var input = new NominationInput(new NominationInput.Nominee(Long.valueOf(nominee), null, null, null, null), reasons,
                    values.numbers("record"), email);
            try {
                if (!page.signedIn()) {
                    publicNominations.nominate(id, input, MailAskLimits.clientOf(page.request()));
                    return Pages.seeOther(Done.NOMINATION_MAILED.on("/rounds/" + id));
                }
                nominations.nominate(id, input).orElseThrow(() -> ProblemException.notFound("Round", id));
                return Pages.seeOther(Done.NOMINATED.on("/rounds/" + id) + "#mine");
            } catch (ProblemException e) {
                if (e.problem().status() == 404 && e.problem().detail() != null && e.problem().detail().startsWith("Leader")) {
                    problems.add(noSuchLeader());
                } else if (e.problem().status() == 409) {
                    problems.add(Violation.body("nominee", "this nomination is refused: " + e.problem().detail()));
                } else if (e.problem().status() == 400) {
                    problems.addAll(e.problem().violations());
                } else {
                    throw e;
                }
            }
        } else {
            problems.add(noSuchLeader());
        }
        var errors = new FormErrors(problems, f -> nominateFieldOf(f, round));
        var shown = nominateForm(nominee, values, new ArrayList<>());
        return Pages.html(400, render(round, null, shown, new PageRequest(0, 20), errors));
    }

    @POST
    @Path("/{id}/nominations/{nominationId}/withdraw")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response withdraw(@PathParam("id") long id, @PathParam("nominationId") long nominationId, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        if (!nominations.withdraw(id, nominationId)) {
            throw ProblemException.notFound("Nomination", nominationId);
        }
        return Pages.seeOther(Done.NOMINATION_WITHDRAWN.on("/rounds/" + id) + "#mine");
    }

    private TemplateInstance render(RoundView round, String flash, NominateForm form, PageRequest paging, FormErrors errors) {
        List<NominationView> mine = page.signedIn()
                ? nominations.mine(new PageRequest(0, MINE_SHOWN)).items().stream().filter(n -> n.roundId() == round.id()).toList()
                : List.of();
        // someone new the visitor nominated is seen by programme staff only: their name, not a link to a page that is not there for them
        var profilesShown = mine.stream().map(NominationView::nomineeLeaderId).filter(id -> id != null && leaders.visibleToCaller(id)).collect(Collectors.toSet());
        return Templates.round(round, flash, form, mine, profilesShown, nominees(round, paging), errors);
    }

    /** The nominees for staff, and for the round's judges from judging on; null for everyone else (the service decides). */
    private Page<NomineeView> nominees(RoundView round, PageRequest paging) {
        if (!page.signedIn()) {
            return null;
        }
        try {
            return nominations.nominees(round.id(), paging).orElse(null);
        } catch (ProblemException e) {
            if (e.problem().status() == 403) {
                return null;
            }
            throw e;
        }
    }

    /** The nominee typed (as a leader id) with their published records, when the visitor may see them. */
    private NominateForm nominateForm(String typed, FormValues values, List<Violation> problems) {
        var id = typed == null ? "" : typed.strip();
        if (id.isEmpty()) {
            return new NominateForm("", null, List.of(), values);
        }
        var leader = id.matches("\\d{1,18}") ? leaders.findForCaller(Long.parseLong(id)) : Optional.<LeaderView>empty();
        if (leader.isEmpty()) {
            problems.add(noSuchLeader());
            return new NominateForm(id, null, List.of(), values);
        }
        var published = records.recordsOfLeaders(List.of(leader.get().id())).getOrDefault(leader.get().id(), List.of());
        return new NominateForm(id, leader.get(), published, values);
    }

    /** The reasons typed, by criterion code; a box left empty is no reason. */
    static Map<String, String> reasons(RoundView round, FormValues values) {
        var reasons = new LinkedHashMap<String, String>();
        for (var c : round.criteria()) {
            var reason = values.get("reason-" + c.code()).strip();
            if (!reason.isEmpty()) {
                reasons.put(c.code(), reason);
            }
        }
        return reasons;
    }

    private static Violation noSuchLeader() {
        return Violation.body("nominee", "give the id of a leader you can see: it is the number in their profile's address on Find leaders (/leaders/12)");
    }

    private static String nominateFieldOf(String field) {
        return field.startsWith("nominee") ? "nominee" : field;
    }

    /** "recordIds[0]" belongs to the records; reasons to their boxes ({@link #reasonFieldOf}). */
    private static String nominateFieldOf(String field, RoundView round) {
        if (field.startsWith("recordIds")) {
            return "records";
        }
        var reason = reasonFieldOf(field, round);
        return reason != null ? reason : nominateFieldOf(field);
    }

    /** "reasons.leadership" belongs to the box "reason-leadership", "reasons" (none given) to the first criterion's; null for any other field. */
    static String reasonFieldOf(String field, RoundView round) {
        if (field.startsWith("reasons.")) {
            return "reason-" + field.substring("reasons.".length());
        }
        return field.equals("reasons") ? "reason-" + round.criteria().get(0).code() : null;
    }
}
