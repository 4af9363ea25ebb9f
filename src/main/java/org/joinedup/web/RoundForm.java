package org.joinedup.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.recognition.NominationRound;
import org.joinedup.recognition.RoundInput;
import org.joinedup.recognition.RoundView;
import org.joinedup.security.Account;

/**
 * The form that opens a round and the one that changes it: the same fields, filled from a round or
 * as typed; a {@link RoundInput} made from them; and the service's violations beside the boxes they
 * concern (an unknown judge in words about what was typed).
 */
final class RoundForm {

    static final List<String> LIST_VISIBILITIES = List.of("public", "signed-in", "programme");
    private static final Pattern JUDGE = Pattern.compile("judges\\[(\\d+)]");
    private static final Pattern CRITERION = Pattern.compile("criteria\\[(\\d+)]\\.(code|name|description)");

    /** One criterion's row, as typed. */
    public record CriterionRow(int index, String code, String name, String description) {
    }

    /** The form's fields as shown, so a form with errors gives back everything. */
    public record Fields(FormValues values, List<CriterionRow> criteria) {
    }

    private final Fields fields;
    private final RoundInput input;
    /** What did not parse (a date, a count), said in words about what was typed. */
    private final List<Violation> problems = new ArrayList<>();
    /** Judges typed that no account has, by their place in the input's judges. */
    private final Map<Integer, String> unknownJudges = new LinkedHashMap<>();

    private RoundForm(FormValues values) {
        var rows = new ArrayList<CriterionRow>();
        var criteria = new ArrayList<RoundInput.CriterionInput>();
        for (int i = 0; !values.get("criterion-code-" + i).isBlank(); i++) {
            var row = new CriterionRow(i, values.get("criterion-code-" + i).strip(), values.get("criterion-name-" + i).strip(),
                    values.get("criterion-description-" + i).strip());
            rows.add(row);
            criteria.add(new RoundInput.CriterionInput(row.code(), row.name(), row.description()));
        }
        fields = new Fields(values, rows);
        var version = values.get("version").strip();
        input = new RoundInput(values.get("name").strip(), values.get("question").strip(), criteria,
                values.date("nominationsOpenOn", problems), values.date("nominationsCloseOn", problems), values.date("judgingCloseOn", problems),
                count(values, "selectCount"), count(values, "rankCount"), judges(values.get("judges")),
                values.get("nominators").isBlank() ? NominationRound.NOMINATORS_SIGNED_IN : values.get("nominators"),
                values.get("listVisibility"), version.matches("\\d{1,9}") ? Integer.valueOf(version) : null);
    }

    /** The form as sent. */
    static RoundForm read(FormValues values) {
        return new RoundForm(values);
    }

    /** A new round's form: these criteria (the defaults) and the usual numbers filled in. */
    static Fields blank(List<RoundInput.CriterionInput> criteria) {
        var values = FormValues.empty().put("selectCount", 50).put("rankCount", 10).put("listVisibility", "public");
        return new Fields(values, rows(criteria));
    }

    /** A round's form filled with it as it is now, its version included; judges by username, as they are typed. */
    static Fields of(RoundView round) {
        var judges = round.judges().stream().map(j -> Account.<Account>findByIdOptional(j.accountId()).map(a -> a.username)
                .orElse(String.valueOf(j.accountId()))).collect(Collectors.joining(", "));
        var values = FormValues.empty().put("name", round.name()).put("question", round.question())
                .put("nominationsOpenOn", round.nominationsOpenOn()).put("nominationsCloseOn", round.nominationsCloseOn())
                .put("judgingCloseOn", round.judgingCloseOn()).put("selectCount", round.selectCount()).put("rankCount", round.rankCount())
                .put("judges", judges).put("nominators", round.nominators()).put("listVisibility", round.listVisibility())
                .put("version", round.version());
        var criteria = round.criteria().stream().map(c -> new RoundInput.CriterionInput(c.code(), c.name(), c.description())).toList();
        return new Fields(values, rows(criteria));
    }

    private static List<CriterionRow> rows(List<RoundInput.CriterionInput> criteria) {
        var rows = new ArrayList<CriterionRow>();
        for (int i = 0; i < criteria.size(); i++) {
            rows.add(new CriterionRow(i, criteria.get(i).code(), criteria.get(i).name(), criteria.get(i).description()));
        }
        return rows;
    }

    RoundInput input() {
        return input;
    }

    Fields fields() {
        return fields;
    }

    /** After the service accepted the input: a field that did not parse left it null, which the service always refuses. */
    void requireParsed() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("a round with a field that did not parse was saved");
        }
    }

    /** The service's 400, with what did not parse: each beside its box, once. */
    FormErrors errors(ProblemException refused) {
        var shown = new ArrayList<>(problems);
        var parsed = problems.stream().map(Violation::field).toList();
        for (var v : refused.problem().violations()) {
            if (parsed.contains(v.field())) {
                continue; // said already, in words about what was typed
            }
            var at = judgeIndex(v.field());
            shown.add(at != null && unknownJudges.containsKey(at)
                    ? Violation.body(v.field(), "there is no account named " + unknownJudges.get(at) + ": give a username or an account id")
                    : v);
        }
        return errorsOf(shown);
    }

    /** These problems beside the boxes they concern. */
    static FormErrors errorsOf(List<Violation> problems) {
        return new FormErrors(problems, RoundForm::fieldOf);
    }

    private List<Long> judges(String typed) {
        var judges = new ArrayList<Long>();
        for (var name : typed.split("[,\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            var id = name.matches("\\d{1,18}") ? Long.valueOf(name) : Account.byUsername(name).map(a -> a.id).orElse(null);
            if (id == null) {
                unknownJudges.put(judges.size(), name);
                id = -1L; // no account has it: the service refuses it in its place, and writes nothing
            }
            judges.add(id);
        }
        return judges;
    }

    private Integer count(FormValues values, String field) {
        var typed = values.get(field).strip();
        if (typed.isEmpty()) {
            return null;
        }
        if (!typed.matches("\\d{1,9}")) {
            problems.add(Violation.body(field, "give a whole number, for example 50"));
            return null;
        }
        return Integer.valueOf(typed);
    }

    private static Integer judgeIndex(String field) {
        var m = JUDGE.matcher(field);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    /** "criteria[2].name" belongs to the box "criterion-name-2"; "judges[0]" to "judges"; "version" (stale or missing) to the name, the first box. */
    private static String fieldOf(String field) {
        var m = CRITERION.matcher(field);
        if (m.matches()) {
            return "criterion-" + m.group(2) + "-" + m.group(1);
        }
        if (field.equals("version")) {
            return "name";
        }
        return field.startsWith("judges") ? "judges" : field;
    }
}
