package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordInput;
import org.joinedup.integration.RecordView;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.CurrentUser;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * A leader adds and edits their integration records, or their delegate does (naming the leader with
 * {@code ?leader=}); the service's rules decide, and their findings show beside the fields.
 */
@Path("/my-work/records")
@Authenticated
@Blocking
public class RecordPages {

    /** Names offered when a typed partner names no organisation. */
    private static final int SUGGESTIONS = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String heading, String action, FormValues values, FormErrors errors, Choices choices);
    }

    /** The pickers' choices: vocabularies and areas from seed-data, areas grouped by NHS region. */
    public record Choices(List<VocabularyItem> services, List<VocabularyItem> scopes, List<VocabularyItem> approaches,
            List<VocabularyItem> programmes, List<VocabularyItem> roles, List<VocabularyItem> metrics, List<AreaGroup> areaGroups,
            List<OrganisationView> organisations) {
    }

    public record AreaGroup(String region, List<Area> areas) {
    }

    @Inject
    IntegrationRecordService records;

    @Inject
    CurrentUser user;

    @Inject
    Labels labels;

    @Inject
    Geography geography;

    @Inject
    Validator validator;

    @Inject
    PageContext page;

    @Inject
    OrganisationDirectory organisations;

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public Response newRecord(@QueryParam("leader") Long leader) {
        forLeader(leader);
        return Pages.html(200, Templates.form("Add a piece of integration work", createAction(leader), FormValues.empty(), FormErrors.NONE, choices()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@QueryParam("leader") Long leader, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        forLeader(leader);
        long leaderId = leader != null ? leader : user.leaderId().orElseThrow();
        return save(form, "Add a piece of integration work", createAction(leader), input -> records.create(leaderId, input));
    }

    /**
     * A delegate names the leader they add a record for: 404 unless it is theirs or they are its
     * delegate (the service checks again); without one, only a leader's account has records.
     */
    private void forLeader(Long leader) {
        if (leader == null && user.leaderId().isEmpty()) {
            throw ProblemException.forbidden("this account is not a leader's");
        }
        if (leader != null && !user.isLeader(leader) && !user.isDelegateOf(leader)) {
            throw ProblemException.notFound("Leader", leader);
        }
    }

    private static String createAction(Long leader) {
        return leader == null ? "/my-work/records" : "/my-work/records?leader=" + leader;
    }

    @GET
    @Path("/{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    public Response edit(@PathParam("id") long id) {
        var record = mine(id);
        return Pages.html(200, Templates.form("Change " + record.title(), "/my-work/records/" + id, RecordForm.values(record), FormErrors.NONE,
                choices()));
    }

    /**
     * A draft that cannot be published yet: its form, with the record as it is and each problem
     * beside its field, saving to the draft (the leader completes it, then publishes from My work).
     */
    Response notPublishable(long id, ProblemException problem) {
        var record = mine(id);
        var problems = problem.problem().violations().isEmpty() ? List.of(Violation.body("title", problem.problem().detail()))
                : problem.problem().violations();
        return Pages.html(400, Templates.form("Complete " + record.title() + " to publish it", "/my-work/records/" + id, RecordForm.values(record),
                new FormErrors(problems, RecordForm::fieldOf), choices()));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var record = mine(id);
        return save(form, "Change " + record.title(), "/my-work/records/" + id,
                input -> records.update(id, RecordForm.keepUnshown(input, record), ExpectedVersion.fromBody(input.version())));
    }

    private Response save(MultivaluedMap<String, String> form, String heading, String action,
            Function<RecordInput, Optional<RecordView>> write) {
        var values = new FormValues(form);
        var problems = new ArrayList<Violation>();
        var input = RecordForm.input(values, partners(RecordForm.partnerLines(values), problems), problems);
        problems.addAll(RecordForm.violations(validator.validate(input)));
        if (problems.isEmpty()) {
            try {
                var saved = write.apply(input).orElseThrow(() -> ProblemException.notFound("Record", action));
                return Pages.seeOther(home(saved.leaderId()) + "?saved=" + saved.id());
            } catch (ProblemException e) {
                if (e.problem().status() != 400 && e.problem().status() != 409) {
                    throw e;
                }
                problems.addAll(e.problem().violations().isEmpty() ? List.of(Violation.body("title", e.problem().detail()))
                        : e.problem().violations().stream().map(RecordPages::inWords).toList());
            }
        }
        return Pages.html(400, Templates.form(heading, action, values, new FormErrors(problems, RecordForm::fieldOf), choices()));
    }

    /** A stale version in words: the service names the field and the version it expected, which says nothing to a person. */
    static Violation inWords(Violation violation) {
        return violation.field().equals("version")
                ? Violation.body("version", "this record was changed by someone else since you opened this page, so nothing was saved:"
                        + " open the record again to see their change, then make yours")
                : violation;
    }

    /**
     * Each typed partner as an organisation code; a line that names none is a problem on the form
     * listing the nearest names, so the leader can pick one (or ask programme staff to add it).
     */
    private List<String> partners(List<String> typed, List<Violation> problems) {
        var codes = new ArrayList<String>();
        for (int i = 0; i < typed.size(); i++) {
            var line = typed.get(i);
            var found = organisations.resolve(line);
            if (found.isPresent()) {
                codes.add(found.get().code());
                continue;
            }
            var nearest = organisations.search(line, null, false, new PageRequest(0, SUGGESTIONS)).items().stream()
                    .map(RecordForm::picked).toList();
            problems.add(Violation.body("partnerOrganisations[" + i + "]", "'" + line + "' is not an organisation we know; "
                    + (nearest.isEmpty() ? "check the spelling, or ask programme staff to add it"
                            : "did you mean " + String.join("; ", nearest) + "?")));
        }
        return codes;
    }

    /** A record of the caller's own, or of a leader they are a delegate of; 404 for anyone else's. */
    private RecordView mine(long id) {
        var record = records.find(id).orElseThrow(() -> ProblemException.notFound("Record", id));
        if (!user.isLeader(record.leaderId()) && !user.isDelegateOf(record.leaderId())) {
            throw ProblemException.notFound("Record", id);
        }
        return record;
    }

    /** Where the leader's records are listed for the caller: My work, or a delegate's page of that leader. */
    private String home(long leaderId) {
        return user.isLeader(leaderId) ? "/my-work" : DelegatePages.leaderPage(leaderId);
    }

    /** Councils and current ICBs, grouped by NHS region: the places a record or a learning request can name. */
    static List<AreaGroup> areaGroups(Geography geography) {
        return geography.ofType(Area.REGION).stream().sorted(Comparator.comparing(Area::name))
                .map(region -> new AreaGroup(region.name(), geography.all().stream()
                        .filter(a -> region.code().equals(a.regionCode()))
                        .filter(a -> a.isLocalAuthority() || Area.ICB.equals(a.type()) && Boolean.TRUE.equals(a.current()))
                        .sorted(Comparator.comparing(Area::name)).toList()))
                .toList();
    }

    private Choices choices() {
        // a record (not a learning request) may cover England as a whole: national work, listed first
        var groups = new ArrayList<AreaGroup>();
        groups.add(new AreaGroup("National", List.of(Geography.ENGLAND_AREA)));
        groups.addAll(areaGroups(geography));
        return new Choices(labels.items(VocabularyKind.SERVICES), labels.items(VocabularyKind.SCOPES), labels.items(VocabularyKind.APPROACHES),
                labels.items(VocabularyKind.PROGRAMMES), labels.items(VocabularyKind.ROLES), labels.items(VocabularyKind.OUTCOME_METRICS), groups,
                organisations.open());
    }
}
