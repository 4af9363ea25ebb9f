package org.joinedup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
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
import org.joinedup.places.AssessmentInput;
import org.joinedup.places.AssessmentService;
import org.joinedup.places.AssessmentView;
import org.joinedup.places.Strengths;
import org.joinedup.places.StrengthsForGaps;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Roles;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/**
 * A place's self-assessment on a page: the latest one and its history, a form to record a new one, and
 * the leaders strong where the place is weak. The same roles as the API (a place's own view of its
 * weaknesses is not for leaders or the public), and the same services: this class only turns form
 * fields into an {@link AssessmentInput} and the service's violations into words beside their fields.
 */
@Path("/areas/{code}/assessment")
@RolesAllowed({ Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN })
@Blocking
public class AreaAssessmentPages {

    /** How many of the strongest leaders the page lists; the API pages through the rest. */
    static final int LEADERS_SHOWN = 10;
    /** The history's page size when the form comes back with errors (the query's default otherwise). */
    private static final int HISTORY_SIZE = 20;
    private static final List<String> SCORES = List.of("0", "1", "2", "3", "4", "5");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assessment(String code, String name, AssessmentView latest, Page<AssessmentView> history,
                StrengthsForGaps strengths, Form form, FormErrors errors, boolean recorded);
    }

    /** One dimension's radios on the form: its code, words, and the score chosen ("" for none). */
    public record ScoreRow(String code, String label, String description, String chosen) {
        /** The radios' name, the first radio's id and the key of its error. */
        public String field() {
            return "score-" + code;
        }
    }

    /** The form as typed, so a page with errors gives back everything the person entered. */
    public record Form(List<ScoreRow> rows, List<String> options, String day, String month, String year, String note) {
    }

    @Inject
    AssessmentService assessments;

    @Inject
    Strengths strengths;

    @Inject
    Labels labels;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("code") String code, @Valid @BeanParam PageRequest paging, @QueryParam("recorded") String recorded) {
        return Pages.html(200, render(code, paging, form(Map.of(), "", "", "", ""), FormErrors.NONE, "1".equals(recorded)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response record(@PathParam("code") String code, MultivaluedMap<String, String> form) {
        page.requireCsrf(form);
        var values = new FormValues(form);
        var chosen = new LinkedHashMap<String, String>();
        var scores = new LinkedHashMap<String, Object>();
        for (var dimension : dimensions()) {
            var typed = values.get("score-" + dimension.code()).strip();
            chosen.put(dimension.code(), typed);
            if (!typed.isEmpty()) {
                // a whole number goes as one, anything else as text, so the service's own rule refuses it
                scores.put(dimension.code(), typed.matches("\\d{1,9}") ? (Object) Integer.valueOf(typed) : typed);
            }
        }
        var day = values.get("assessed-day").strip();
        var month = values.get("assessed-month").strip();
        var year = values.get("assessed-year").strip();
        var note = values.get("note");
        var problems = new ArrayList<Violation>();
        String assessedOn = null;
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            problems.add(Violation.body("assessedOn", "give the day the place assessed itself, for example 20 11 2026"));
        } else {
            var date = PauseDate.parse(day, month, year);
            if (date.isEmpty()) {
                problems.add(Violation.body("assessedOn", "give a real date as day, month and year, for example 20 11 2026"));
            } else {
                assessedOn = date.get().toString();
            }
        }
        try {
            var saved = assessments.record(code, new AssessmentInput(assessedOn, scores, note.isBlank() ? null : note));
            if (problems.isEmpty()) {
                return Pages.seeOther("/areas/" + saved.areaCode() + "/assessment?recorded=1");
            }
            throw new IllegalStateException("an assessment without a date was recorded");
        } catch (ProblemException e) {
            if (e.problem().status() != 400 || e.problem().violations().stream().anyMatch(v -> "code".equals(v.field()))) {
                throw e;
            }
            boolean dateChecked = !problems.isEmpty();
            for (var v : e.problem().violations()) {
                if (!(dateChecked && "assessedOn".equals(v.field()))) {
                    problems.add(inWords(v));
                }
            }
        }
        var errors = new FormErrors(problems, AreaAssessmentPages::fieldOf);
        return Pages.html(400, render(code, new PageRequest(0, HISTORY_SIZE), form(chosen, day, month, year, note), errors, false));
    }

    private TemplateInstance render(String code, PageRequest paging, Form form, FormErrors errors, boolean recorded) {
        var latest = assessments.latest(code).orElse(null);
        var history = assessments.history(code, paging);
        var found = latest == null ? null : strengths.of(code, new PageRequest(0, LEADERS_SHOWN));
        var name = latest != null ? latest.areaName() : labels.area(code.strip());
        return Templates.assessment(latest == null ? code.strip() : latest.areaCode(), name, latest, history, found, form, errors, recorded);
    }

    private Form form(Map<String, String> chosen, String day, String month, String year, String note) {
        var rows = dimensions().stream()
                .map(d -> new ScoreRow(d.code(), d.label(), d.description(), chosen.getOrDefault(d.code(), ""))).toList();
        return new Form(rows, SCORES, day, month, year, note);
    }

    private List<VocabularyItem> dimensions() {
        return labels.items(VocabularyKind.DIMENSIONS);
    }

    /** A score's problem said with the dimension's words ("scores.finance-and-funding" reads "Finance and funding"). */
    private Violation inWords(Violation v) {
        if (v.field().startsWith("scores.")) {
            var dimension = v.field().substring("scores.".length());
            var label = dimensions().stream().filter(d -> d.code().equals(dimension)).map(VocabularyItem::label).findFirst().orElse(dimension);
            return Violation.body(v.field(), "give " + label + " a score from " + AssessmentService.MIN_SCORE + " to " + AssessmentService.MAX_SCORE);
        }
        return v;
    }

    /** The form field a violation belongs to: the dimension's first radio, the date's day box, or the field itself. */
    private static String fieldOf(String field) {
        if (field.startsWith("scores.")) {
            return "score-" + field.substring("scores.".length());
        }
        if (field.equals("assessedOn")) {
            return "assessed";
        }
        return field;
    }
}
