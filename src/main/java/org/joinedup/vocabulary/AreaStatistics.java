package org.joinedup.vocabulary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reference figures for each upper-tier council, read once from seed-data/geography/area-statistics.csv
 * (ONS mid-2022 population and area, MHCLG Indices of Deprivation; sources in that folder's README).
 * Every council of {@link Geography} has a row and every row is a council: a mismatch stops the start.
 */
@ApplicationScoped
public class AreaStatistics {

    private static final Logger LOG = Logger.getLogger(AreaStatistics.class);

    @Inject
    Geography geography;

    private final Map<String, CouncilFigures> byCode = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        for (var row : SeedData.csv("geography/area-statistics.csv")) {
            var figures = new CouncilFigures(row.get("code"), Long.parseLong(row.get("population_mid2022")),
                    Double.parseDouble(row.get("pct_aged_65_plus")), Double.parseDouble(row.get("imd2019_avg_score")),
                    Double.parseDouble(row.get("imd2025_avg_score")), Double.parseDouble(row.get("area_sq_km")),
                    Double.parseDouble(row.get("density_per_sq_km")), blankToNull(row.get("source_note")));
            var area = geography.find(figures.code())
                    .orElseThrow(() -> new IllegalStateException("area-statistics.csv: " + figures.code() + " is not a council of seed-data/geography"));
            if (!Area.LOCAL_AUTHORITY.equals(area.type()) || byCode.put(figures.code(), figures) != null) {
                throw new IllegalStateException("area-statistics.csv: " + figures.code() + " is not a council, or appears twice");
            }
        }
        long councils = geography.all().stream().filter(area -> Area.LOCAL_AUTHORITY.equals(area.type())).count();
        if (councils != byCode.size()) {
            throw new IllegalStateException("area-statistics.csv has figures for " + byCode.size() + " of " + councils + " councils");
        }
        LOG.infof("Loaded figures for %d councils", byCode.size());
    }

    public Optional<CouncilFigures> find(String councilCode) {
        return Optional.ofNullable(councilCode == null ? null : byCode.get(councilCode));
    }

    /** Every council's figures, in the file's order (by code). */
    public Collection<CouncilFigures> all() {
        return Collections.unmodifiableCollection(byCode.values());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
