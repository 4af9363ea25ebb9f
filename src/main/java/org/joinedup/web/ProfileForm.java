package org.joinedup.web;

import java.time.LocalDate;
import java.util.List;
import org.joinedup.leader.LeaderInput;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;

/**
 * The "doing now and mentoring" form, for the leader on My work and for their delegate: the
 * profile as read with the form's fields applied, and the service's findings placed on its fields.
 * Visibility is sent back as read and contact not at all, so neither changes (and a delegate may send it).
 */
final class ProfileForm {

    private ProfileForm() {
    }

    /** What the form's fields show: the profile as read, or after a refusal what was typed, so nothing typed is lost. */
    public record Shown(String doingNow, boolean willing, boolean trained, String capacity, List<String> formats, String sector) {
    }

    static Shown shown(LeaderView leader) {
        var offer = leader.mentoring();
        return new Shown(leader.doingNow() == null ? "" : leader.doingNow(), offer.willing(), offer.trained(), String.valueOf(offer.capacity()),
                offer.formats(), leader.sector());
    }

    static Shown shown(LeaderView current, FormValues values) {
        return new Shown(values.get("doingNow"), values.has("willing", "yes"), values.has("trained", "yes"), values.get("capacity"),
                values.all("formats"), sector(current, values));
    }

    /** 400 naming capacity when it is not a whole number from 0 to 20. */
    static LeaderInput input(LeaderView current, FormValues values) {
        var doingNow = values.get("doingNow").strip();
        boolean changedDoingNow = !doingNow.equals(current.doingNow() == null ? "" : current.doingNow());
        int capacity;
        try {
            capacity = values.get("capacity").isBlank() ? 0 : Integer.parseInt(values.get("capacity").strip());
        } catch (NumberFormatException e) {
            capacity = -1;
        }
        if (capacity < 0 || capacity > 20) {
            throw ProblemException.invalid(Violation.body("capacity", "must be a whole number from 0 to 20"));
        }
        var offer = new LeaderInput.MentoringInput(values.has("willing", "yes"), capacity, values.all("formats"), values.has("trained", "yes"),
                current.mentoring().conflicts());
        return new LeaderInput(current.name(), current.currentRole(), current.organisation() == null ? null : current.organisation().code(),
                doingNow.isEmpty() ? null : doingNow, changedDoingNow || values.has("confirm", "yes") ? LocalDate.now() : current.doingNowAsOf(),
                current.homeArea() == null ? null : current.homeArea().code(), sector(current, values), offer, current.visibility(), null, current.illustrative(),
                current.version());
    }

    /** The sector chosen; blank ("Not said") clears it, and a form without the field keeps the stored one. */
    private static String sector(LeaderView current, FormValues values) {
        if (values.all("sector").isEmpty()) {
            return current.sector();
        }
        var chosen = values.get("sector").strip();
        return chosen.isEmpty() ? null : chosen;
    }

    /** The problem on the form's fields; rethrown unless the form can show it (400, or 409 when someone changed the profile meanwhile). */
    static FormErrors errors(ProblemException e) {
        if (e.problem().status() != 400 && e.problem().status() != 409) {
            throw e;
        }
        return new FormErrors(e.problem().violations().isEmpty() ? List.of(Violation.body("doingNow", e.problem().detail())) : e.problem().violations(),
                f -> f.startsWith("mentoring.") ? "capacity" : f.equals("doingNowAsOf") || f.equals("version") ? "doingNow" : f);
    }
}
