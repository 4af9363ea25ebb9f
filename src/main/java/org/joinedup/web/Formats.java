package org.joinedup.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.joinedup.integration.RecordView;
import org.joinedup.leader.LeaderView;
import org.joinedup.search.SearchResult;

/** Dates and numbers as the pages show them ({@code {record.periodStart.display}}). */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'on' d MMMM yyyy", Locale.UK);

    static String display(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String month(LocalDate date) {
        return date == null ? "now" : MONTH.format(date);
    }

    static String display(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(LONDON).toLocalDate());
    }

    /** To the second, UK time: "14:02:33 on 2 December 2026". */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(LONDON));
    }

    /** "100,000". */
    static String grouped(Long number) {
        return number == null ? "" : String.format(Locale.UK, "%,d", number);
    }

    /** A rate to the nearest whole number: "3,100". */
    static String rounded(Double number) {
        return number == null ? "" : String.format(Locale.UK, "%,d", Math.round(number));
    }

    /** A wait in words, rounded up: "about 20 seconds", "about 3 minutes". */
    static String aboutSeconds(Long seconds) {
        if (seconds == null) {
            return "";
        }
        if (seconds < 60) {
            return "about " + plural((int) Math.max(1, (seconds + 4) / 5 * 5), "second");
        }
        return "about " + plural((int) ((seconds + 59) / 60), "minute");
    }

    /** A duration measured in milliseconds: "31.2 seconds". */
    static String millisAsSeconds(long millis) {
        return String.format(Locale.UK, "%.1f seconds", millis / 1000.0);
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

    static int placesFree(LeaderView.MentoringView offer) {
        return Math.max(0, offer.capacity() - offer.active());
    }

    static String joined(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    static String period(SearchResult.MatchedRecord r) {
        return period(r.periodStart(), r.periodEnd());
    }

    static String period(RecordView r) {
        // a draft may not have its period yet
        return r.periodStart() == null ? "not given yet" : period(r.periodStart(), r.periodEnd());
    }

    private static String period(LocalDate start, LocalDate end) {
        return month(start) + " to " + (end == null ? "now" : month(end));
    }

    private static String plural(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
