package org.joinedup.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and numbers as the pages show them ({@code {record.periodStart.display}}). */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    static String display(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String month(LocalDate date) {
        return date == null ? "now" : MONTH.format(date);
    }

    static String display(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(LONDON).toLocalDate());
    }

    /** The UK calendar day of an instant as ISO (2026-12-02), for exports that spreadsheets sort. */
    static String isoDay(Instant instant) {
        return instant == null ? "" : instant.atZone(LONDON).toLocalDate().toString();
    }

    /** "3 months ago", "2 years ago": how old something dated is, for "doing now". */
    static String age(LocalDate date) {
        if (date == null) {
            return "";
        }
        var period = Period.between(date, LocalDate.now());
        if (period.getYears() > 0) {
            return plural(period.getYears(), "year") + " ago";
        }
        if (period.getMonths() > 0) {
            return plural(period.getMonths(), "month") + " ago";
        }
        return period.getDays() <= 0 ? "today" : plural(period.getDays(), "day") + " ago";
    }

    /** Over a year old: time for the leader to say what they are doing now. */
    static boolean stale(LocalDate date) {
        return date == null || date.isBefore(LocalDate.now().minusYears(1));
    }

    static String display(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    static String points(double value) {
        return String.format(Locale.UK, "%.1f", value);
    }

    static int placesFree(org.joinedup.leader.LeaderView.MentoringView offer) {
        return Math.max(0, offer.capacity() - offer.active());
    }

    static String joined(java.util.List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    static String period(org.joinedup.search.SearchResult.MatchedRecord r) {
        return period(r.periodStart(), r.periodEnd());
    }

    static String period(org.joinedup.integration.RecordView r) {
        return period(r.periodStart(), r.periodEnd());
    }

    private static String period(LocalDate start, LocalDate end) {
        return month(start) + " to " + (end == null ? "now" : month(end));
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
