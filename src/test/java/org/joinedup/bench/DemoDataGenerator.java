package org.joinedup.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.joinedup.vocabulary.CsvTable;

/**
 * Writes a synthetic demo data set of leaders and their integration records, in the same JSON
 * shape as {@code seed-data/demo/curated-leaders.json} but with {@code "dataset": "generated"}.
 *
 * <p>Every code comes from the vocabulary and geography CSVs under {@code --seed-data}; the
 * small maps below only tune how common some codes are, so a code added to a CSV is used
 * without touching this class. Partners and leaders' organisations are real bodies of the
 * record's area (its councils, its ICB, current NHS trusts of that ICB from
 * {@code organisations/nhs-trusts.csv}), with at most one made-up body per record, named
 * "(illustrative)", which the loader adds as an unlisted organisation. Output is streamed, so 100,000 leaders need little memory, and
 * it is the same for the same seed and CSVs.
 *
 * <p>Benchmark tooling, not part of the service (the demo data the service loads at start is the
 * file it wrote once, {@code seed-data/demo/generated-leaders.json}). Built with the test classes:
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * java -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*" org.joinedup.bench.DemoDataGenerator \
 *     --leaders 300 --records-per-leader 2.5 --seed 2026 --out seed-data/demo/generated-leaders.json
 * </pre>
 *
 * <pre>
 * DemoDataGenerator [--leaders N] [--records-per-leader MEAN] [--seed S] [--out PATH] [--seed-data DIR]
 * </pre>
 */
public final class DemoDataGenerator {

    /** Share of leaders not mentoring who have a learning request. */
    private static final double LEARNER_SHARE = 0.2;

    /** Records are dated up to here; later ends become "ongoing". */
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    // Tuning, not vocabulary: a code missing here gets weight 1, a code missing from the CSV is never used.
    private static final Map<String, Double> SERVICE_WEIGHT = Map.of(
            "gp", 6.0, "social-care", 6.0, "community-health", 5.0, "acute", 2.5, "mental-health", 2.5);
    private static final Map<String, Double> SCOPE_WEIGHT = Map.of(
            "team", 2.0, "organisations", 5.0, "place", 4.0, "system", 1.5);
    private static final Map<String, Double> APPROACH_WEIGHT = Map.of(
            "integrated-teams", 3.0, "care-coordinators", 2.0, "hospital-social-work", 0.4);
    private static final Map<String, Double> METRIC_WEIGHT = Map.of(
            "non-elective-admissions", 4.0, "delayed-transfers", 2.0, "patient-experience", 1.5);

    /** Years a programme ran, as {first, last, weight}; programmes not listed may appear in any year, rarely. */
    private static final Map<String, double[]> PROGRAMME_YEARS = Map.of(
            "pioneer-2013", new double[] {2013, 2018, 2},
            "pioneer-2015", new double[] {2015, 2018, 2},
            "vanguard", new double[] {2015, 2018, 3},
            "bcf", new double[] {2014, 2026, 3},
            "stp", new double[] {2016, 2021, 2},
            "ics", new double[] {2021, 2026, 4});

    /** Plausible unit and baseline range per outcome metric; lower/higher-is-better comes from the CSV. */
    private record Shape(String unit, double low, double high, boolean percent) {}

    private static final Map<String, Shape> METRIC_SHAPE = Map.of(
            "non-elective-admissions", new Shape("admissions per 1,000 residents aged 65+", 220, 290, false),
            "delayed-transfers", new Shape("delayed days per day per 100,000 adults", 6, 18, false),
            "care-home-admissions", new Shape("admissions per 100,000 residents aged 65+", 450, 800, false),
            "reablement-91-day", new Shape("% of people", 74, 88, true),
            "ae-attendances", new Shape("attendances per 1,000 residents", 250, 400, false),
            "length-of-stay", new Shape("days", 6, 12, false),
            "waiting-times", new Shape("days to first assessment", 10, 40, false),
            "patient-experience", new Shape("% of people surveyed", 55, 80, true),
            "cost", new Shape("£ per person supported per year", 1800, 4200, false));
    private static final Shape INDEX = new Shape("index, first year = 100", 100, 100, false);

    // Short, obviously made-up combinations: the same few first and last names repeat across the set.
    private static final String[] FIRST = {"Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Jamie", "Morgan",
            "Charlie", "Frankie", "Lee", "Terry", "Jordan", "Casey", "Bobbie", "Kit", "Drew", "Ash", "Rowan", "Toni"};
    private static final String[] LAST = {"Example", "Sample", "Testwood", "Demoford", "Placeholder", "Fictor",
            "Mockridge", "Synthby", "Draftley", "Specimen", "Notreal", "Madeup", "Dummett", "Pretend", "Trialby"};
    private static final String[] JOB = {"Director of integrated care", "Head of integrated commissioning",
            "Programme director, integrated care", "Clinical lead for integration", "Assistant director, adult social care",
            "GP partner and clinical director", "Community services manager", "Integrated care programme manager",
            "Director of place", "Head of transformation"};
    /** Local bodies without an official code; the generated ones are marked "(illustrative)". */
    private static final String[] LOCAL_BODY = {"GP Federation", "Voluntary Sector Alliance", "Care Home Providers' Association",
            "Community Pharmacy Network"};
    private static final String[] ENDORSER_ROLE = {"Director of adult social services", "GP partner",
            "Head of community services", "Chief executive", "Commissioning manager", "Clinical director"};

    /** A vocabulary row; {@code text} is its label, synonyms and description, normalised for word matching. */
    private record Term(String code, String label, String text, String description) {}

    /** An upper-tier local authority, or a current ICB used as the area of a whole-system record. */
    private record Area(String code, String name, String organisation, String type, String region, String icb,
                        double lat, double lon) {}

    private final SplittableRandom rnd;
    private final List<Term> services, scopes, approaches, programmes, roles, formats, metrics;
    private final List<Area> las;
    private final Map<String, Area> icbs = new HashMap<>();
    private final Map<String, List<Area>> neighbours = new HashMap<>();
    private final TreeMap<String, List<Area>> lasByRegion = new TreeMap<>();
    /** Names of the current NHS trusts of each ICB, in code order. */
    private final Map<String, List<String>> trustsByIcb = new HashMap<>();
    /** affinity[s][a]: service s is named in approach a's wording, so they tend to go together. */
    private final boolean[][] affinity;

    private DemoDataGenerator(Path seedData, long seed) throws IOException {
        rnd = new SplittableRandom(seed);
        Path v = seedData.resolve("vocabularies");
        services = terms(v.resolve("services.csv"));
        scopes = terms(v.resolve("scopes.csv"));
        approaches = terms(v.resolve("approaches.csv"));
        programmes = terms(v.resolve("programmes.csv"));
        roles = terms(v.resolve("roles.csv"));
        formats = terms(v.resolve("mentoring-formats.csv"));
        metrics = terms(v.resolve("outcome-metrics.csv"));
        Path geo = seedData.resolve("geography");
        for (Map<String, String> r : readCsv(geo.resolve("icbs.csv"))) {
            if ("current".equals(r.get("status"))) {
                String name = r.get("name").replaceFirst("^NHS ", "").replaceFirst(" Integrated Care Board$", "");
                icbs.put(r.get("code"), new Area(r.get("code"), name, r.get("name"), "icb", r.get("region_code"),
                        r.get("code"), Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))));
            }
        }
        las = new ArrayList<>();
        for (Map<String, String> r : readCsv(geo.resolve("local-authorities.csv"))) {
            las.add(new Area(r.get("code"), r.get("name"), r.get("council_name"), r.get("type"), r.get("region_code"),
                    r.get("icb_code"), Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))));
        }
        for (Map<String, String> r : readCsv(seedData.resolve("organisations").resolve("nhs-trusts.csv"))) {
            if ("current".equals(r.get("status")) && !r.get("icb_code").isBlank()) {
                trustsByIcb.computeIfAbsent(r.get("icb_code"), k -> new ArrayList<>()).add(r.get("name"));
            }
        }
        for (Area a : las) {
            lasByRegion.computeIfAbsent(a.region(), k -> new ArrayList<>()).add(a);
        }
        // Work usually spills into the nearest councils of the same region.
        for (Area a : las) {
            neighbours.put(a.code(), lasByRegion.get(a.region()).stream().filter(b -> b != a)
                    .sorted(Comparator.comparingDouble((Area b) -> distance(a, b)).thenComparing(Area::code))
                    .limit(4).toList());
        }
        affinity = new boolean[services.size()][approaches.size()];
        for (int s = 0; s < services.size(); s++) {
            List<String> words = new ArrayList<>();
            for (String w : readSynonyms(services.get(s))) {
                words.add(" " + normalise(w) + " ");
            }
            for (int a = 0; a < approaches.size(); a++) {
                String text = " " + normalise(approaches.get(a).label() + ". " + approaches.get(a).description()) + " ";
                affinity[s][a] = words.stream().anyMatch(text::contains);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new HashMap<>(Map.of("--leaders", "300", "--records-per-leader", "2.5",
                "--seed", "2026", "--seed-data", "seed-data"));
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --leaders N --records-per-leader MEAN --seed S --out PATH --seed-data DIR");
            }
            opt.put(args[i], args[i + 1]);
        }
        int leaders = Integer.parseInt(opt.get("--leaders"));
        double mean = Double.parseDouble(opt.get("--records-per-leader"));
        long seed = Long.parseLong(opt.get("--seed"));
        if (leaders < 0 || mean < 1) {
            throw new IllegalArgumentException("--leaders must be >= 0 and --records-per-leader >= 1");
        }
        DemoDataGenerator gen = new DemoDataGenerator(Path.of(opt.get("--seed-data")), seed);
        OutputStream out = opt.containsKey("--out")
                ? Files.newOutputStream(Path.of(opt.get("--out"))) : System.out;
        try (JsonGenerator g = new JsonFactory().createGenerator(new BufferedOutputStream(out, 1 << 16), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("dataset", "generated");
            g.writeBooleanField("illustrative", true);
            g.writeStringField("note", "Synthetic demo data (seed " + seed + "): every person, role, figure and endorsement"
                    + " is generated; only the place names and codes come from seed-data/.");
            g.writeArrayFieldStart("leaders");
            for (int i = 0; i < leaders; i++) {
                gen.writeLeader(g, i, mean);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private void writeLeader(JsonGenerator g, int index, double mean) throws IOException {
        // The first leaders go one to each region, so even a small set covers every region.
        List<Area> pool = index < lasByRegion.size()
                ? new ArrayList<>(lasByRegion.values()).get(index) : las;
        Area home = pick(pool, pool.stream().mapToDouble(a -> councilWeight(a.type())).toArray());
        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        boolean willing = rnd.nextDouble() < 0.4;

        g.writeStartObject();
        g.writeStringField("name", first + " " + last);
        g.writeBooleanField("illustrative", true);
        g.writeStringField("currentRole", JOB[rnd.nextInt(JOB.length)]);
        // the home council, one of its NHS trusts or its ICB; the sector (seed-data/vocabularies/sectors.csv) follows the body
        String organisation;
        switch (rnd.nextInt(4)) {
            case 0, 1 -> organisation = home.organisation();
            case 2 -> organisation = trustsOf(home).isEmpty() ? home.organisation() : trustsOf(home).get(rnd.nextInt(trustsOf(home).size()));
            default -> organisation = icbs.containsKey(home.icb()) ? icbs.get(home.icb()).organisation() : home.organisation();
        }
        g.writeStringField("organisation", organisation);
        Term focus = pick(approaches, null);
        g.writeStringField("doingNow", "Working on " + decapitalise(focus.label()) + " in " + home.name() + ".");
        g.writeStringField("doingNowAsOf", LocalDate.of(2025, 7, 1).plusDays(rnd.nextInt(488)).toString());
        g.writeStringField("homeArea", home.code());
        g.writeStringField("sector", organisation.equals(home.organisation()) ? "local-government" : "nhs");
        g.writeObjectFieldStart("mentoring");
        g.writeBooleanField("willing", willing);
        g.writeNumberField("capacity", willing ? 1 + rnd.nextInt(4) : 0);
        g.writeArrayFieldStart("formats");
        for (Term f : willing ? pickDistinct(formats, null, 1 + rnd.nextInt(3)) : List.<Term>of()) {
            g.writeString(f.code());
        }
        g.writeEndArray();
        g.writeBooleanField("trained", willing && rnd.nextBoolean());
        g.writeEndObject();
        double v = rnd.nextDouble();
        g.writeStringField("visibility", v < 0.8 ? "public" : v < 0.95 ? "registered" : "programme");
        g.writeObjectFieldStart("contact");
        g.writeStringField("email", (first + "." + last).toLowerCase(Locale.ROOT) + "." + (index + 1) + "@example.org");
        g.writeStringField("phone", rnd.nextBoolean() ? null : String.format("01632 960%03d", rnd.nextInt(1000)));
        g.writeEndObject();
        g.writeArrayFieldStart("records");
        // 1 + geometric number of extra records gives the requested mean with a long, thin tail.
        int count = 1;
        while (count < 40 && rnd.nextDouble() > 1 / mean) {
            count++;
        }
        for (int r = 0; r < count; r++) {
            writeRecord(g, home, index, r);
        }
        g.writeEndArray();
        if (!willing && rnd.nextDouble() < LEARNER_SHARE) {
            writeLearningRequest(g, home);
        }
        g.writeEndObject();
    }

    /** A leader who is not mentoring may ask to learn something new, close to home. */
    private void writeLearningRequest(JsonGenerator g, Area home) throws IOException {
        List<Term> svc = pickDistinct(services, weights(services, SERVICE_WEIGHT), 2 + rnd.nextInt(2));
        List<Term> appr = pickDistinct(approaches, weights(approaches, APPROACH_WEIGHT), 1 + rnd.nextInt(2));
        Term scope = pick(scopes, weights(scopes, SCOPE_WEIGHT));
        g.writeArrayFieldStart("learningRequests");
        g.writeStartObject();
        g.writeStringField("area", home.code());
        writeCodes(g, "services", svc);
        writeCodes(g, "approaches", appr);
        g.writeStringField("scope", scope.code());
        writeCodes(g, "formats", pickDistinct(formats, null, 1 + rnd.nextInt(2)));
        g.writeStringField("need", "Wants to learn how to join up " + joinAnd(svc.stream().map(t -> decapitalise(t.label())).toList())
                + " in " + home.name() + " (" + decapitalise(scope.label()) + "), using " + joinAnd(appr.stream()
                        .map(t -> decapitalise(t.label())).toList()) + ".");
        g.writeEndObject();
        g.writeEndArray();
    }

    private void writeRecord(JsonGenerator g, Area home, int leader, int index) throws IOException {
        Term scope = pick(scopes, weights(scopes, SCOPE_WEIGHT));
        List<Area> areas = recordAreas(home, scope);
        List<Term> svc = pickDistinct(services, weights(services, SERVICE_WEIGHT), pickCount(0, 0, 30, 35, 25, 10));
        double[] aw = weights(approaches, APPROACH_WEIGHT);
        for (int a = 0; a < aw.length; a++) {
            for (Term s : svc) {
                aw[a] *= affinity[services.indexOf(s)][a] ? 3 : 1;
            }
        }
        List<Term> appr = pickDistinct(approaches, aw, pickCount(0, 30, 35, 25, 10));
        LocalDate start = LocalDate.of(2010 + rnd.nextInt(16), 1 + rnd.nextInt(12), 1);
        LocalDate end = start.plusMonths(12 + rnd.nextInt(60)).minusDays(1);
        if (end.isAfter(AS_OF) || (start.getYear() >= 2021 && rnd.nextDouble() < 0.4)) {
            end = null;
        }
        Term programme = programmeFor(start.getYear());
        Term role = pick(roles, null);
        String place = joinAnd(areas.stream().map(Area::name).toList());
        String services = joinAnd(svc.stream().map(t -> decapitalise(t.label())).toList());
        double v = rnd.nextDouble();
        String verification = v < 0.75 ? "self-reported" : v < 0.95 ? "endorsed" : "verified";

        g.writeStartObject();
        g.writeStringField("title", switch (rnd.nextInt(3)) {
            case 0 -> "Joined up " + services + " in " + place;
            case 1 -> appr.get(0).label() + " for " + services + " in " + place;
            default -> "Integrating " + services + " across " + place;
        });
        String period = start.getYear() + (end == null ? " onwards" : "-" + end.getYear());
        g.writeStringField("summary", "Work to join up " + services + " in " + place + ", " + period + ". "
                + "Scope: " + decapitalise(scope.label()) + "; role: " + decapitalise(role.label()) + ". "
                + "Approaches: " + joinAnd(appr.stream().map(t -> decapitalise(t.label())).toList()) + "."
                + (programme == null ? "" : " Part of " + programme.label() + "."));
        g.writeArrayFieldStart("areas");
        for (Area a : areas) {
            g.writeStartObject();
            g.writeStringField("code", a.code());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeCodes(g, "services", svc);
        g.writeStringField("scope", scope.code());
        writeCodes(g, "approaches", appr);
        g.writeStringField("programme", programme == null ? null : programme.code());
        g.writeStringField("role", role.code());
        List<String> partners = partners(areas);
        g.writeArrayFieldStart("partnerOrganisations");
        for (String p : partners) {
            g.writeString(p);
        }
        g.writeEndArray();
        g.writeStringField("periodStart", start.toString());
        g.writeStringField("periodEnd", end == null ? null : end.toString());
        g.writeArrayFieldStart("outcomes");
        int baseYear = start.getYear() - 1;
        int lastYear = (end == null ? AS_OF : end).getYear() - 1;
        for (Term m : pickDistinct(metrics, weights(metrics, METRIC_WEIGHT), pickCount(35, 35, 20, 10))) {
            writeOutcome(g, m, baseYear, Math.max(baseYear + 1, lastYear));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("evidence");
        if (!verification.equals("self-reported") || rnd.nextDouble() < 0.25) {
            g.writeStartObject();
            g.writeStringField("title", "Evaluation summary (synthetic)");
            g.writeStringField("url", "https://example.org/joinedup-demo/evidence/" + (leader + 1) + "-" + (index + 1));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("verification", verification);
        g.writeArrayFieldStart("endorsements");
        if (!verification.equals("self-reported")) {
            g.writeStartObject();
            g.writeStringField("endorserName", FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)]);
            g.writeStringField("endorserOrganisation", partners.get(rnd.nextInt(partners.size())));
            boolean verified = verification.equals("verified");
            g.writeStringField("endorserRole", verified ? "Programme verifier" : ENDORSER_ROLE[rnd.nextInt(ENDORSER_ROLE.length)]);
            g.writeStringField("comment", verified ? "Checked against the evaluation summary (synthetic)."
                    : "We worked on this together; the record is accurate (synthetic).");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The bodies a record's work joins up: the councils (or ICB) of its areas, the ICB of its first
     * area, one or two current NHS trusts of that ICB, and sometimes one made-up local body.
     */
    private List<String> partners(List<Area> areas) {
        var partners = new LinkedHashSet<String>();
        for (Area a : areas) {
            partners.add(a.organisation());
        }
        Area first = areas.get(0);
        if (icbs.containsKey(first.icb())) {
            partners.add(icbs.get(first.icb()).organisation());
        }
        List<String> trusts = trustsOf(first);
        if (!trusts.isEmpty()) {
            int wanted = Math.min(trusts.size(), 1 + rnd.nextInt(2));
            for (int i = 0; i < wanted; i++) {
                partners.add(trusts.get(rnd.nextInt(trusts.size())));
            }
        }
        if (rnd.nextDouble() < 0.3) {
            partners.add(first.name() + " " + LOCAL_BODY[rnd.nextInt(LOCAL_BODY.length)] + " (illustrative)");
        }
        return new ArrayList<>(partners);
    }

    private List<String> trustsOf(Area area) {
        return trustsByIcb.getOrDefault(area.icb(), List.of());
    }

    /** Mostly 3-15% better than baseline; sometimes a little worse, as real results are. */
    private void writeOutcome(JsonGenerator g, Term metric, int baseYear, int lastYear) throws IOException {
        Shape shape = METRIC_SHAPE.getOrDefault(metric.code(), INDEX);
        boolean higherIsBetter = metric.description().toLowerCase(Locale.ROOT).contains("higher is better");
        double change = rnd.nextDouble() < 0.1 ? -rnd.nextDouble(0, 0.04) : rnd.nextDouble(0.03, 0.15);
        double baseline = round(shape.low() + rnd.nextDouble() * (shape.high() - shape.low()));
        double result;
        String how;
        if (shape.percent()) {
            double points = round(change * 40); // a 3-15% relative gain is roughly 1-6 percentage points here
            result = Math.min(99, round(baseline + (higherIsBetter ? points : -points)));
            how = (result >= baseline ? "up " : "down ") + round(Math.abs(result - baseline)) + " points";
        } else {
            result = round(baseline * (higherIsBetter ? 1 + change : 1 - change));
            how = (result >= baseline ? "up " : "down ") + Math.round(Math.abs(change) * 100) + "%";
        }
        g.writeStartObject();
        g.writeStringField("metric", metric.code());
        g.writeStringField("description", metric.label() + " " + how + " (synthetic figure)");
        g.writeNumberField("baseline", baseline);
        g.writeNumberField("result", result);
        g.writeStringField("unit", shape.unit());
        g.writeStringField("period", financialYear(baseYear) + " to " + financialYear(lastYear));
        g.writeNullField("source");
        g.writeEndObject();
    }

    private List<Area> recordAreas(Area home, Term scope) {
        Area icb = icbs.get(home.icb());
        if (scope.code().equals("system") && icb != null) {
            return List.of(icb);
        }
        List<Area> near = neighbours.get(home.code());
        double r = rnd.nextDouble();
        if (near.isEmpty() || r < 0.65) {
            return List.of(home);
        }
        Area other = near.get(rnd.nextInt(near.size()));
        return r < 0.85 ? List.of(home, other) : List.of(other);
    }

    private Term programmeFor(int year) {
        List<Term> candidates = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (Term p : programmes) {
            double[] span = PROGRAMME_YEARS.get(p.code());
            if (span == null || (year >= span[0] && year <= span[1])) {
                candidates.add(p);
                w.add(span == null ? 0.5 : span[2]);
            }
        }
        candidates.add(null); // plenty of local work belongs to no national programme
        w.add(2.0);
        return pick(candidates, w.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** London boroughs are many but each is small; counties are few but large. */
    private static double councilWeight(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.contains("sui generis") ? 0.1 : t.contains("county") ? 4 : t.contains("metropolitan") ? 1.3
                : t.contains("london") ? 0.7 : 1;
    }

    private static void writeCodes(JsonGenerator g, String field, List<Term> terms) throws IOException {
        g.writeArrayFieldStart(field);
        for (Term t : terms) {
            g.writeString(t.code());
        }
        g.writeEndArray();
    }

    private static double[] weights(List<Term> terms, Map<String, Double> tuning) {
        return terms.stream().mapToDouble(t -> tuning.getOrDefault(t.code(), 1.0)).toArray();
    }

    /** Picks how many, where {@code percent[k]} is the chance of k. */
    private int pickCount(double... percent) {
        return pick(IntStream.range(0, percent.length).boxed().toList(), percent);
    }

    /** Weighted pick; null weights mean uniform. */
    private <T> T pick(List<T> items, double[] w) {
        if (w == null) {
            return items.get(rnd.nextInt(items.size()));
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            r -= w[i];
            if (r < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    /** Up to k distinct items, weighted, in the order drawn. */
    private <T> List<T> pickDistinct(List<T> items, double[] w, int k) {
        List<T> pool = new ArrayList<>(items);
        List<Double> pw = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            pw.add(w == null ? 1.0 : w[i]);
        }
        List<T> chosen = new ArrayList<>();
        while (chosen.size() < k && !pool.isEmpty()) {
            int i = pool.indexOf(pick(pool, pw.stream().mapToDouble(Double::doubleValue).toArray()));
            chosen.add(pool.remove(i));
            pw.remove(i);
        }
        return chosen;
    }

    private static double distance(Area a, Area b) {
        double dx = (a.lon() - b.lon()) * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        double dy = a.lat() - b.lat();
        return dx * dx + dy * dy;
    }

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }

    private static String financialYear(int year) {
        return year + "-" + String.format("%02d", (year + 1) % 100);
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** "Community health services" reads better lower-cased mid-sentence; "GP and primary care" does not. */
    private static String decapitalise(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    private static List<String> readSynonyms(Term t) {
        return List.of(t.text().split("\\|"));
    }

    private static List<Term> terms(Path csv) throws IOException {
        List<Term> out = new ArrayList<>();
        for (Map<String, String> r : readCsv(csv)) {
            String synonyms = r.getOrDefault("synonyms", "");
            out.add(new Term(r.get("code"), r.get("label"), r.get("label") + (synonyms.isEmpty() ? "" : "|" + synonyms),
                    r.getOrDefault("description", "")));
        }
        return out;
    }

    static List<Map<String, String>> readCsv(Path path) throws IOException {
        return CsvTable.read(Files.newInputStream(path), path.toString());
    }
}
