package org.joinedup.vocabulary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.joinedup.platform.Violation;

/**
 * The versioned area lookup from seed-data/geography/. Records keep the codes they were logged
 * with; this resolves them to the current ICB and NHS England region, so a new boundary set is a
 * data change only.
 */
@ApplicationScoped
public class Geography {

    private static final Logger LOG = Logger.getLogger(Geography.class);

    /**
     * England as a whole (ONS E92000001): the area of national work (national programmes, Whitehall,
     * national bodies). Only a record may cover it; it has no ICB and no region, so it never counts
     * towards one. It is not in {@link #all()} or {@link #find}, which list the areas work is located
     * in. Wales, Scotland and Northern Ireland are not national areas here: work there is recorded
     * as a place in that country (countries.csv), like other work outside England.
     */
    public static final String ENGLAND = "E92000001";
    public static final String NATIONAL = "national";
    /** England as the record form lists it. */
    public static final Area ENGLAND_AREA = new Area(ENGLAND, "England (national)", NATIONAL, null, null, null, null, null, true, null);

    private final Map<String, Area> areas = new LinkedHashMap<>();
    private final Map<String, Country> countries = new LinkedHashMap<>();
    private BoundarySet boundarySet;

    /** In @PostConstruct, not the constructor: the CDI client proxy runs the constructor too. */
    @PostConstruct
    void load() {
        for (var row : SeedData.csv("geography/nhs-regions.csv")) {
            add(new Area(row.get("code"), row.get("name"), Area.REGION, blankToNull(row.get("ods_code")), null, row.get("code"),
                    number(row.get("latitude")), number(row.get("longitude")), true, null));
        }
        for (var row : SeedData.csv("geography/icbs.csv")) {
            boolean current = "current".equals(row.get("status"));
            add(new Area(row.get("code"), row.get("name"), Area.ICB, blankToNull(row.get("ods_code")), current ? row.get("code") : null,
                    row.get("region_code"), number(row.get("latitude")), number(row.get("longitude")), current,
                    blankToNull(row.get("successor_code"))));
        }
        for (var row : SeedData.csv("geography/local-authorities.csv")) {
            add(new Area(row.get("code"), row.get("name"), Area.LOCAL_AUTHORITY, null, row.get("icb_code"), row.get("region_code"),
                    number(row.get("latitude")), number(row.get("longitude")), true, null));
        }
        for (var row : SeedData.csv("geography/countries.csv")) {
            countries.put(row.get("code"), new Country(row.get("code"), row.get("name")));
        }
        var set = SeedData.csv("geography/boundary-set.csv").get(0);
        boundarySet = new BoundarySet(set.get("name"), set.get("effective_from"), set.get("description"));
        checkReferences();
        LOG.infof("Loaded %d areas and %d countries, boundary set %s", areas.size(), countries.size(), boundarySet.name());
    }

    public Optional<Area> find(String code) {
        return Optional.ofNullable(code == null ? null : areas.get(code));
    }

    /**
     * The area a person means by what they typed: its ONS code, its ODS code (ICBs, regions) or its
     * name, ignoring case and surrounding spaces; empty when it names none. A name shared by a
     * superseded and a current area means the current one.
     */
    public Optional<Area> lookup(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        var text = typed.strip();
        var byCode = find(text.toUpperCase(Locale.ROOT));
        if (byCode.isPresent()) {
            return byCode;
        }
        return areas.values().stream()
                .filter(a -> text.equalsIgnoreCase(a.odsCode()) || text.equalsIgnoreCase(a.name()))
                .sorted(Comparator.comparing((Area a) -> a.successorCode() != null))
                .findFirst();
    }

    /** Adds a violation unless {@code code} is an upper-tier local authority or ICB code, the areas work is located by. */
    public void checkWorkArea(String field, String code, List<Violation> violations) {
        var area = find(code);
        if (area.isEmpty() || Area.REGION.equals(area.get().type())) {
            violations.add(Violation.body(field, "'" + code
                    + "' is not an upper-tier local authority or ICB code; GET /api/areas lists them"));
        }
    }

    /** The area a code stands for today: a superseded ICB resolves to the ICB that took it over. */
    public Optional<Area> resolve(String code) {
        return find(code).map(area -> area.successorCode() != null ? areas.get(area.successorCode()) : area);
    }

    /** Whether a record covering this code is national work (England as a whole). */
    public static boolean isNational(String code) {
        return ENGLAND.equals(code);
    }

    /** Adds a violation unless {@code code} is where a record's work can be: a council, an ICB, or England as a whole. */
    public void checkRecordArea(String field, String code, List<Violation> violations) {
        if (isNational(code)) {
            return;
        }
        var area = find(code);
        if (area.isEmpty() || Area.REGION.equals(area.get().type())) {
            violations.add(Violation.body(field, "'" + code + "' is not an upper-tier local authority or ICB code, nor " + ENGLAND
                    + " (England as a whole, for national work); GET /api/areas lists them"));
        }
    }

    /** An English area code as clients see it, resolved to today's ICB and region; England as a whole has neither. */
    public Optional<PlaceView> describe(String code) {
        if (isNational(code)) {
            return Optional.of(new PlaceView(ENGLAND, "England", NATIONAL, null, null, null, null, null, null));
        }
        return find(code).map(area -> {
            var current = resolve(code).orElse(area);
            var icb = current.icbCode() == null ? null : areas.get(current.icbCode());
            var region = areas.get(current.regionCode());
            return new PlaceView(area.code(), area.name(), area.type(),
                    icb == null ? null : new PlaceView.CodeAndName(icb.code(), icb.name()),
                    new PlaceView.CodeAndName(region.code(), region.name()), null, null, area.latitude(), area.longitude());
        });
    }

    public PlaceView describeAbroad(String countryCode, String place, Double latitude, Double longitude) {
        return new PlaceView(null, place, "abroad", null, null, countryCode, place, latitude, longitude);
    }

    public Collection<Area> all() {
        return areas.values();
    }

    public List<Area> ofType(String type) {
        return areas.values().stream().filter(a -> a.type().equals(type)).toList();
    }

    public Optional<Country> country(String code) {
        return Optional.ofNullable(code == null ? null : countries.get(code));
    }

    public Collection<Country> countries() {
        return countries.values();
    }

    /** Great-circle distance in kilometres (haversine, mean Earth radius), as Elasticsearch's arc distance. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public BoundarySet boundarySet() {
        return boundarySet;
    }

    private void add(Area area) {
        if (areas.put(area.code(), area) != null) {
            throw new IllegalStateException("area code " + area.code() + " appears twice in seed-data/geography");
        }
    }

    /** A broken lookup would silently mislocate records, so it stops the start instead. */
    private void checkReferences() {
        for (var area : areas.values()) {
            var region = areas.get(area.regionCode());
            if (region == null || !Area.REGION.equals(region.type())) {
                throw new IllegalStateException("area " + area.code() + " names unknown region " + area.regionCode());
            }
            if (area.icbCode() != null && !areas.containsKey(area.icbCode())) {
                throw new IllegalStateException("area " + area.code() + " names unknown ICB " + area.icbCode());
            }
            if (area.successorCode() != null && !areas.containsKey(area.successorCode())) {
                throw new IllegalStateException("ICB " + area.code() + " names unknown successor " + area.successorCode());
            }
        }
    }

    private static Double number(String cell) {
        return cell == null || cell.isBlank() ? null : Double.valueOf(cell);
    }

    private static String blankToNull(String cell) {
        return cell == null || cell.isBlank() ? null : cell;
    }
}
