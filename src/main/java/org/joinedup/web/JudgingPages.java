package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.recognition.CitationInput;
import org.joinedup.recognition.ConflictView;
import org.joinedup.recognition.ConflictsInput;
import org.joinedup.recognition.JudgingService;
import org.joinedup.recognition.MoveInput;
import org.joinedup.recognition.NominationService;
import org.joinedup.recognition.NomineeView;
import org.joinedup.recognition.ProgressView;
import org.joinedup.recognition.PublishedListView;
import org.joinedup.recognition.ResultService;
import org.joinedup.recognition.ResultView;
import org.joinedup.recognition.RoundService;
import org.joinedup.recognition.RoundView;
import org.joinedup.recognition.ScoresInput;
import org.joinedup.recognition.SheetView;
import org.joinedup.security.Roles;

/**
 * A round's judging, result and published list on pages (docs/recognition.md, "Judging pages"). The
 * services decide who may do what and when, as they do for the API; this class turns form fields into
 * their inputs and their violations into words beside the fields.
 */
@Path("/rounds")
@Blocking
public class JudgingPages {

    private static final List<String> SCORES = List.of("1", "2", "3", "4", "5");
    /** Conflict reasons in words, for the judge deciding whether to keep them. */
    private static final Map<String, String> REASONS = Map.of(
            JudgingService.OWN_ORGANISATION, "they work for your organisation",
            JudgingService.PARTNER_ORGANISATION, "their published records name your organisation as a partner",
            JudgingService.DECLARED, "you declared it");
    /** The banners a redirect may name; anything else in {@code done} shows nothing. */
    private static final Map<String, String> DONE = Map.of(
            "conflicts", "Your conflicts are confirmed.",
            "scored", "Your scores are saved.",
            "closed", "The round is closed and its order computed.",
            "moved", "Moved, with your reason kept.",
            "cited", "Citation saved.",
            "published", "Published: the list is shown to the round's audience.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance judging(RoundView round, String phase, List<ConflictRow> conflictRows, boolean declared,
                List<NomineeCard> nominees, List<ScoredNominee> allScores, FormErrors errors, String done);

        static native TemplateInstance result(RoundView round, ProgressView progress, ResultView result, List<Place> places,
                List<Moved> moves, MoveForm move, FormErrors errors, String done);

        static native TemplateInstance list(PublishedListView list);
    }

    /** A nominee on the conflicts step: ticked when suggested or confirmed, with the reason in words. */
    public record ConflictRow(long leaderId, String name, boolean ticked, String reason, String reasonWords) {
    }

    /** One criterion's select on a score form: its field id, words, and the value chosen ("" for none). */
    public record ScoreRow(String field, String name, String description, String chosen) {
    }

    /** A nominee as the judge scores them: their nominations and evidence, conflicted or a form, and the scores given. */
    public record NomineeCard(NomineeView nominee, boolean conflicted, String conflictWords, List<ScoreRow> rows, List<GivenScore> given) {
    }

    public record GivenScore(String criterion, int score) {
    }

    /** After close: one nominee and every judge's scores for them. */
    public record ScoredNominee(long leaderId, String name, List<JudgeScores> judges) {
    }

    public record JudgeScores(String judge, List<GivenScore> scores) {
    }

    /** A place in the result with its citation form's field id and text (as typed, when the form came back). */
    public record Place(ResultView.Entry entry, String citationField, String citation) {
    }

    /** A move staff made, with the nominee's name. */
    public record Moved(String name, int fromPosition, int toPosition, String reason) {
    }

    /** The move form as typed. */
    public record MoveForm(String leaderId, String toPosition, String reason) {
        static final MoveForm EMPTY = new MoveForm("", "", "");
    }

    @Inject
    RoundService rounds;

    @Inject
    JudgingService judging;

    @Inject
    ResultService results;

    @Inject
    NominationService nominations;

    @Inject
    PageContext page;

    // ---- judging

    @GET
    @Path("/{id}/judging")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Produces(MediaType.TEXT_HTML)
    public Response judging(@PathParam("id") long id, @QueryParam("done") String done) {
        return Pages.html(200, renderJudging(id, Map.of(), FormErrors.NONE, DONE.get(String.valueOf(done))));
    }

    @POST
    @Path("/{id}/judging/conflicts")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response declare(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var suggested = judging.conflicts(id).suggested().stream().collect(Collectors.toMap(ConflictView::leaderId, ConflictView::reason));
        var entries = new FormValues(form).numbers("conflict").stream().distinct()
                .map(leaderId -> new ConflictsInput.Entry(leaderId, suggested.getOrDefault(leaderId, JudgingService.DECLARED))).toList();
        judging.declare(id, new ConflictsInput(entries));
        return Pages.seeOther("/rounds/" + id + "/judging?done=conflicts");
    }

    @POST
    @Path("/{id}/judging/scores/{leaderId}")
    @RolesAllowed({ Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response score(@PathParam("id") long id, @PathParam("leaderId") long leaderId, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var round = round(id);
        var typed = new HashMap<String, String>();
        var scores = new HashMap<String, Integer>();
        for (var criterion : round.criteria()) {
            var value = values.get(scoreField(leaderId, criterion.code())).strip();
            typed.put(scoreField(leaderId, criterion.code()), value);
            if (value.matches("\\d{1,9}")) {
                scores.put(criterion.code(), Integer.valueOf(value));
            }
        }
        try {
            judging.score(id, leaderId, new ScoresInput(scores));
            return Pages.seeOther("/rounds/" + id + "/judging?done=scored#nominee-" + leaderId);
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            var words = round.criteria().stream().collect(Collectors.toMap(RoundView.CriterionView::code, RoundView.CriterionView::name));
            var problems = e.problem().violations().stream().map(v -> {
                var code = v.field().substring(v.field().indexOf('.') + 1);
                return Violation.body(v.field(), "give " + words.getOrDefault(code, code) + " a score from " + JudgingService.LOWEST + " to "
                        + JudgingService.HIGHEST);
            }).toList();
            var errors = new FormErrors(problems, field -> scoreField(leaderId, field.substring(field.indexOf('.') + 1)));
            return Pages.html(400, renderJudging(id, typed, errors, null));
        }
    }

    private TemplateInstance renderJudging(long id, Map<String, String> typed, FormErrors errors, String done) {
        var round = round(id);
        var phase = round.phase();
        if (phase.equals("closed") || phase.equals("published")) {
            return Templates.judging(round, phase, List.of(), true, List.of(), allScores(id, round), errors, done);
        }
        if (!phase.equals("judging")) {
            return Templates.judging(round, phase, List.of(), false, List.of(), List.of(), errors, done);
        }
        var conflicts = judging.conflicts(id);
        boolean declared = conflicts.declaredAt() != null;
        var chosen = (declared ? conflicts.confirmed() : conflicts.suggested()).stream()
                .collect(Collectors.toMap(ConflictView::leaderId, ConflictView::reason));
        var own = judging.scores(id).sheets().stream().collect(Collectors.toMap(SheetView::leaderId, SheetView::scores));
        var rows = new ArrayList<ConflictRow>();
        var cards = new ArrayList<NomineeCard>();
        for (var nominee : allNominees(id)) {
            var reason = chosen.get(nominee.leaderId());
            rows.add(new ConflictRow(nominee.leaderId(), nominee.name(), reason != null, reason, reason == null ? null : REASONS.get(reason)));
            var given = own.getOrDefault(nominee.leaderId(), Map.of());
            var scoreRows = round.criteria().stream().map(c -> {
                var field = scoreField(nominee.leaderId(), c.code());
                var score = given.get(c.code());
                return new ScoreRow(field, c.name(), c.description(), typed.getOrDefault(field, score == null ? "" : score.toString()));
            }).toList();
            cards.add(new NomineeCard(nominee, declared && reason != null, reason == null ? null : REASONS.get(reason), scoreRows,
                    givenScores(round, given)));
        }
        return Templates.judging(round, phase, rows, declared, cards, List.of(), errors, done);
    }

    private List<ScoredNominee> allScores(long id, RoundView round) {
        var judges = round.judges().stream().collect(Collectors.toMap(RoundView.JudgeView::accountId, RoundView.JudgeView::name));
        var byNominee = judging.scores(id).sheets().stream().collect(Collectors.groupingBy(SheetView::leaderId));
        return results.result(id).entries().stream().filter(e -> e.leaderId() != null).map(e -> new ScoredNominee(e.leaderId(), e.name(),
                byNominee.getOrDefault(e.leaderId(), List.of()).stream()
                        .map(s -> new JudgeScores(judges.getOrDefault(s.judgeAccountId(), "a judge who has left"), givenScores(round, s.scores())))
                        .toList()))
                .toList();
    }

    private static List<GivenScore> givenScores(RoundView round, Map<String, Integer> scores) {
        return round.criteria().stream().filter(c -> scores.containsKey(c.code())).map(c -> new GivenScore(c.name(), scores.get(c.code()))).toList();
    }

    private List<NomineeView> allNominees(long id) {
        var all = new ArrayList<NomineeView>();
        for (int p = 0;; p++) {
            var found = nominations.nominees(id, new PageRequest(p, PageRequest.MAX_SIZE)).orElseThrow(() -> ProblemException.notFound("Round", id));
            all.addAll(found.items());
            if (p + 1 >= found.totalPages()) {
                return all;
            }
        }
    }

    /** The select of one criterion for one nominee (also its error's key). */
    static String scoreField(long leaderId, String criterion) {
        return "score-" + leaderId + "-" + criterion;
    }

    // ---- result

    @GET
    @Path("/{id}/result")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Produces(MediaType.TEXT_HTML)
    public Response result(@PathParam("id") long id, @QueryParam("done") String done) {
        return Pages.html(200, renderResult(id, MoveForm.EMPTY, Map.of(), FormErrors.NONE, DONE.get(String.valueOf(done))));
    }

    @POST
    @Path("/{id}/result/close")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        results.close(id);
        return Pages.seeOther("/rounds/" + id + "/result?done=closed");
    }

    @POST
    @Path("/{id}/result/moves")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response move(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var typed = new MoveForm(values.get("leaderId").strip(), values.get("toPosition").strip(), values.get("reason"));
        var problems = new ArrayList<Violation>();
        if (!typed.leaderId().matches("\\d{1,18}")) {
            problems.add(Violation.body("leaderId", "give the nominee to move"));
        }
        if (!typed.toPosition().matches("\\d{1,6}") || Integer.parseInt(typed.toPosition()) < 1) {
            problems.add(Violation.body("toPosition", "give the place to move them to, a whole number from 1"));
        }
        if (typed.reason().isBlank()) {
            problems.add(Violation.body("reason", "give the reason for the move: it is kept with the result"));
        } else if (typed.reason().strip().length() > 1000) {
            problems.add(Violation.body("reason", "give a reason of at most 1000 characters"));
        }
        if (problems.isEmpty()) {
            try {
                results.move(id, new MoveInput(Long.valueOf(typed.leaderId()), Integer.valueOf(typed.toPosition()), typed.reason().strip()),
                        ExpectedVersion.ANY);
                return Pages.seeOther("/rounds/" + id + "/result?done=moved");
            } catch (ProblemException e) {
                if (e.problem().status() != 400) {
                    throw e;
                }
                problems.addAll(e.problem().violations());
            }
        }
        return Pages.html(400, renderResult(id, typed, Map.of(), new FormErrors(problems, field -> "move-" + field), null));
    }

    @POST
    @Path("/{id}/result/citations/{leaderId}")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response cite(@PathParam("id") long id, @PathParam("leaderId") long leaderId, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var citation = new FormValues(form).get("citation");
        if (citation.strip().length() > 600) {
            var errors = new FormErrors(List.of(Violation.body("citation", "give a citation of at most 600 characters")), f -> "citation-" + leaderId);
            return Pages.html(400, renderResult(id, MoveForm.EMPTY, Map.of("citation-" + leaderId, citation), errors, null));
        }
        results.cite(id, leaderId, new CitationInput(citation), ExpectedVersion.ANY);
        return Pages.seeOther("/rounds/" + id + "/result?done=cited#place-" + leaderId);
    }

    @POST
    @Path("/{id}/result/publish")
    @RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        results.publish(id);
        return Pages.seeOther("/rounds/" + id + "/result?done=published");
    }

    private TemplateInstance renderResult(long id, MoveForm move, Map<String, String> citations, FormErrors errors, String done) {
        var round = round(id);
        var progress = judging.progress(id);
        boolean closed = round.phase().equals("closed") || round.phase().equals("published");
        var result = closed ? results.result(id) : null;
        var places = result == null ? List.<Place>of() : result.entries().stream().map(e -> {
            var field = "citation-" + e.leaderId();
            return new Place(e, field, citations.getOrDefault(field, e.citation() == null ? "" : e.citation()));
        }).toList();
        var names = new HashMap<Long, String>();
        places.forEach(p -> names.put(p.entry().leaderId(), p.entry().name()));
        var moves = result == null ? List.<Moved>of() : result.adjustments().stream().map(a -> new Moved(
                names.getOrDefault(a.leaderId(), ResultService.LEFT_THE_REGISTRY), a.fromPosition(), a.toPosition(), a.reason())).toList();
        return Templates.result(round, progress, result, places, moves, move, errors, done);
    }

    // ---- list

    @GET
    @Path("/{id}/list")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response list(@PathParam("id") long id) {
        return Pages.html(200, Templates.list(results.list(id)));
    }

    private RoundView round(long id) {
        return rounds.find(id).orElseThrow(() -> ProblemException.notFound("Round", id));
    }
}
