package org.joinedup.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.MentoringOffer;
import org.joinedup.platform.Violation;

/**
 * The day a pause ends, as typed into the NHS date input (day, month, year), with what is wrong with it in plain words.
 * The service checks the same limits again; these only say them the way the page speaks.
 */
final class PauseDate {

    private PauseDate() {
    }

    /** The date typed, if it is a real one (a year of up to six figures, so that 99999 is "too far", not "not a date"). */
    static Optional<LocalDate> parse(String day, String month, String year) {
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4,6}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Nothing when the date may end a pause; else one violation on {@code until}. */
    static List<Violation> problems(String day, String month, String year) {
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return List.of(Violation.body("until", "give the day the pause ends, for example 1 3 2027"));
        }
        var date = parse(day, month, year);
        if (date.isEmpty()) {
            return List.of(Violation.body("until", "give a real date as day, month and year, for example 1 3 2027"));
        }
        var today = MentoringOffer.today();
        if (!date.get().isAfter(today)) {
            return List.of(Violation.body("until", "this date must be after today: mentoring starts again on the day you give"));
        }
        var latest = today.plusYears(LeaderService.PAUSE_MAX_YEARS);
        if (date.get().isAfter(latest)) {
            return List.of(Violation.body("until", "this date must be no later than " + Formats.display(latest) + ": a pause lasts at most "
                    + LeaderService.PAUSE_MAX_YEARS + " years (for longer, say you are not willing to mentor)"));
        }
        return List.of();
    }
}
