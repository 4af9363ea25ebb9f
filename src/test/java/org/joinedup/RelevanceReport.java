package org.joinedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The figures of the relevance check: a Markdown table to paste into docs/relevance.md, and the floors they give. */
final class RelevanceReport {

    /** One query measured: leaders found, the demo leaders of its top 10 (external ids and names) and its two figures. */
    record Row(RelevanceJudgements.Query query, long total, List<String> top, List<String> topNames, double recall, double ndcg) {
    }

    /** Overall floors sit this far below today's means, so a reordering of equal scores does not fail the build. */
    static final double OVERALL_MARGIN = 0.01;

    /** How many leaders of the first ten a miss shows instead, to see why it missed. */
    private static final int SHOWN_INSTEAD = 3;

    private final List<Row> rows;
    private final long otherLeaders;

    RelevanceReport(List<Row> rows, long otherLeaders) {
        this.rows = rows;
        this.otherLeaders = otherLeaders;
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("| set | queries | recall@10 | nDCG@10 |\n| --- | ---: | ---: | ---: |\n");
        out.append(summary("all", rows));
        var byKind = new TreeMap<String, List<Row>>();
        rows.forEach(row -> byKind.computeIfAbsent(row.query().kind(), k -> new ArrayList<>()).add(row));
        byKind.forEach((kind, some) -> out.append(summary(kind, some)));
        out.append("\nBinary relevance, means over the queries; searched as demo-commissioner, ranked among the demo leaders (")
                .append(otherLeaders).append(" other leaders in the database were left out of the rankings).\n");
        out.append("\n| id | kind | query | filters | leaders found | expected: rank in the top 10 (- not there) | recall@10 | nDCG@10 |\n")
                .append("| --- | --- | --- | --- | ---: | --- | ---: | ---: |\n");
        for (var row : rows) {
            var query = row.query();
            var expected = new ArrayList<String>();
            for (var leader : query.expected()) {
                int rank = row.top().indexOf(leader.externalId()) + 1;
                expected.add(leader.name() + " (" + leader.externalId() + "): " + (rank == 0 ? "-" : String.valueOf(rank)));
            }
            out.append("| ").append(query.id()).append(" | ").append(query.kind()).append(" | ").append(query.q().replace("|", "\\|"))
                    .append(" | ").append(filters(query.filters())).append(" | ").append(row.total()).append(" | ").append(String.join("; ", expected))
                    .append(" | ").append(figure(row.recall())).append(" | ").append(figure(row.ndcg())).append(" |\n");
        }
        out.append("\nFirst ").append(SHOWN_INSTEAD).append(" demo leaders of the queries that miss a judged leader:\n\n");
        for (var row : rows) {
            if (row.recall() < 1) {
                var first = new ArrayList<String>();
                for (int i = 0; i < Math.min(SHOWN_INSTEAD, row.top().size()); i++) {
                    first.add(row.topNames().get(i) + " (" + row.top().get(i) + ")");
                }
                out.append("- ").append(row.query().id()).append(" \"").append(row.query().q()).append("\": ")
                        .append(first.isEmpty() ? "nothing found" : String.join(", ", first)).append('\n');
            }
        }
        return out.toString();
    }

    /** Today's figures as floors: each query's own (rounded down), the means a little lower. */
    String suggestedFloor() {
        var out = new StringBuilder("# Suggested by RelevanceTest from this run: copy over src/test/resources/relevance/floor.properties to raise the floor.\n");
        out.append("overall.recall=").append(down(mean(rows, Row::recall) - OVERALL_MARGIN)).append('\n');
        out.append("overall.ndcg=").append(down(mean(rows, Row::ndcg) - OVERALL_MARGIN)).append('\n');
        for (var row : rows) {
            out.append(row.query().id()).append(".recall=").append(down(row.recall())).append('\n');
            out.append(row.query().id()).append(".ndcg=").append(down(row.ndcg())).append('\n');
        }
        return out.toString();
    }

    /** Every figure under its floor, named; a query without a floor line is not held to one yet. */
    List<String> belowFloor(Map<String, Double> floor) {
        var failures = new ArrayList<String>();
        check(failures, "overall.recall", mean(rows, Row::recall), floor);
        check(failures, "overall.ndcg", mean(rows, Row::ndcg), floor);
        for (var row : rows) {
            check(failures, row.query().id() + ".recall", row.recall(), floor);
            check(failures, row.query().id() + ".ndcg", row.ndcg(), floor);
        }
        return failures;
    }

    private static void check(List<String> failures, String key, double value, Map<String, Double> floor) {
        var least = floor.get(key);
        // the floors are rounded down to two decimals, so a small tolerance only absorbs floating point
        if (least != null && value < least - 1e-9) {
            failures.add(key + " = " + figure(value) + " < " + least);
        }
    }

    private static String summary(String name, List<Row> some) {
        return "| " + name + " | " + some.size() + " | " + figure(mean(some, Row::recall)) + " | " + figure(mean(some, Row::ndcg)) + " |\n";
    }

    private static double mean(List<Row> some, ToDoubleFunction<Row> figure) {
        return some.stream().mapToDouble(figure).average().orElse(0);
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String down(double value) {
        return String.format(Locale.ROOT, "%.2f", Math.max(0, Math.floor(value * 100 + 1e-9) / 100));
    }

    private static String filters(Map<String, List<String>> filters) {
        if (filters.isEmpty()) {
            return "";
        }
        var parts = new ArrayList<String>();
        filters.forEach((name, values) -> values.forEach(value -> parts.add(name + "=" + value)));
        return String.join(" ", parts);
    }
}
