package org.joinedup.web;

import jakarta.validation.ConstraintViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.joinedup.integration.RecordInput;
import org.joinedup.integration.RecordView;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.Violation;

/**
 * The record form's fields to and from {@link RecordInput}. Only reading the form lives here (a
 * date that is not a date); every rule about records stays in the service, whose violations name
 * fields such as "services" or "areas[0].code" that {@link #fieldOf} places on the form.
 */
final class RecordForm {

    static final int AREAS = 3;

    private RecordForm() {
    }

    /** The partners as typed: one per field, or one per line of a field. */
    static List<String> partnerLines(FormValues f) {
        return f.all("partners").stream().flatMap(String::lines).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code partners}: the organisation codes the typed partners resolved to (see RecordPages). */
    static RecordInput input(FormValues f, List<String> partners, List<Violation> problems) {
        var areas = new ArrayList<RecordInput.AreaInput>();
        for (int i = 0; i < AREAS; i++) {
            if (!f.get("area-" + i).isBlank()) {
                areas.add(new RecordInput.AreaInput(f.get("area-" + i), null, null, null, null));
            }
        }
        var outcomes = new ArrayList<RecordInput.OutcomeInput>();
        if (!(f.get("outcome-metric") + f.get("outcome-description") + f.get("outcome-baseline") + f.get("outcome-result")).isBlank()) {
            outcomes.add(new RecordInput.OutcomeInput(blankToNull(f.get("outcome-metric")), blankToNull(f.get("outcome-description")),
                    number(f, "outcome-baseline", "outcomes[0].baseline", problems), number(f, "outcome-result", "outcomes[0].result", problems),
                    blankToNull(f.get("outcome-unit")), blankToNull(f.get("outcome-period")), blankToNull(f.get("outcome-source"))));
        }
        var evidence = new ArrayList<RecordInput.EvidenceInput>();
        if (!f.get("evidence-url").isBlank() || !f.get("evidence-title").isBlank()) {
            evidence.add(new RecordInput.EvidenceInput(blankToNull(f.get("evidence-title")), f.get("evidence-url").strip()));
        }
        Integer version = f.get("version").isBlank() ? null : (int) f.number("version", 0);
        return new RecordInput(f.get("title"), blankToNull(f.get("summary")), areas, f.all("services"), f.get("scope"),
                f.all("approaches"), blankToNull(f.get("programme")), f.get("role"), partners, f.date("periodStart", problems),
                f.date("periodEnd", problems), outcomes, evidence, version);
    }

    static FormValues values(RecordView r) {
        var f = FormValues.empty().put("title", r.title()).put("summary", r.summary()).put("scope", r.scope())
                .put("programme", r.programme()).put("role", r.role()).put("periodStart", r.periodStart()).put("periodEnd", r.periodEnd())
                .put("version", r.version());
        r.partnerOrganisations().forEach(o -> f.put("partners", picked(o)));
        var english = r.areas().stream().filter(a -> a.code() != null).toList();
        for (int i = 0; i < Math.min(AREAS, english.size()); i++) {
            f.put("area-" + i, english.get(i).code());
        }
        r.services().forEach(s -> f.put("services", s));
        r.approaches().forEach(a -> f.put("approaches", a));
        if (!r.outcomes().isEmpty()) {
            var o = r.outcomes().get(0);
            f.put("outcome-metric", o.metric()).put("outcome-description", o.description()).put("outcome-baseline", plain(o.baseline()))
                    .put("outcome-result", plain(o.result())).put("outcome-unit", o.unit()).put("outcome-period", o.period())
                    .put("outcome-source", o.source());
        }
        if (!r.evidence().isEmpty()) {
            f.put("evidence-title", r.evidence().get(0).title()).put("evidence-url", r.evidence().get(0).url());
        }
        return f;
    }

    /**
     * Editing through the page must not drop what the form does not show: places abroad, English
     * areas past the third, and outcomes and evidence past the first are kept as they were.
     */
    static RecordInput keepUnshown(RecordInput edited, RecordView before) {
        var areas = new ArrayList<>(edited.areas());
        before.areas().stream().filter(a -> a.code() != null).skip(AREAS)
                .forEach(a -> areas.add(new RecordInput.AreaInput(a.code(), null, null, null, null)));
        before.areas().stream().filter(a -> a.code() == null)
                .forEach(a -> areas.add(new RecordInput.AreaInput(null, a.country(), a.place(), a.latitude(), a.longitude())));
        var outcomes = new ArrayList<>(edited.outcomes());
        before.outcomes().stream().skip(1).forEach(o -> outcomes.add(new RecordInput.OutcomeInput(o.metric(), o.description(), o.baseline(),
                o.result(), o.unit(), o.period(), o.source())));
        var evidence = new ArrayList<>(edited.evidence());
        before.evidence().stream().skip(1).forEach(e -> evidence.add(new RecordInput.EvidenceInput(e.title(), e.url())));
        return new RecordInput(edited.title(), edited.summary(), areas, edited.services(), edited.scope(), edited.approaches(),
                edited.programme(), edited.role(), edited.partnerOrganisations(), edited.periodStart(), edited.periodEnd(), outcomes, evidence,
                edited.version());
    }

    /** Bean Validation's findings on the input, named as the service names fields. */
    static <T> List<Violation> violations(Set<ConstraintViolation<T>> found) {
        return found.stream().map(v -> Violation.body(v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", ""), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field)).toList();
    }

    /** The form field a violation belongs beside. */
    static String fieldOf(String field) {
        var root = field.replaceAll("\\[.*", "").replaceAll("\\..*", "");
        return switch (root) {
            case "areas" -> field.matches("areas\\[\\d+].*") ? "area-" + field.replaceAll("areas\\[(\\d+)].*", "$1") : "area-0";
            case "partnerOrganisations" -> "partners";
            case "outcomes" -> field.endsWith(".description") ? "outcome-description"
                    : field.endsWith(".baseline") ? "outcome-baseline" : field.endsWith(".result") ? "outcome-result" : "outcome-metric";
            case "evidence" -> field.endsWith(".title") ? "evidence-title" : "evidence-url";
            case "version" -> "title";
            default -> root;
        };
    }

    private static BigDecimal number(FormValues f, String name, String field, List<Violation> problems) {
        var text = f.get(name).strip().replace(",", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(Violation.body(field, "must be a number"));
            return null;
        }
    }

    /** An organisation as the partner picker offers it: its name, with its code to tell namesakes apart. */
    static String picked(OrganisationView o) {
        return o.name() + " (" + o.code() + ")";
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
