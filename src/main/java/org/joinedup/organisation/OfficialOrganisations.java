package org.joinedup.organisation;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.vocabulary.CsvTable;

/**
 * The organisations with an official code, read from seed-data/: ICBs (ONS code; superseded ones
 * closed, with their successor), councils (ONS code) and NHS trusts (ODS code; closed ones kept
 * for old records). Plain Java, because the Flyway migration V11 reads it too.
 */
public final class OfficialOrganisations {

    /** One official organisation; closedOn and successorCode are null while it is open. */
    public record Official(String code, String name, String kind, LocalDate closedOn, String successorCode) {
    }

    /** The day the 42 ICBs of 2022 gave way to the 36 of April 2026 (seed-data/geography/boundary-set.csv). */
    private static final LocalDate ICB_MERGERS = LocalDate.of(2026, 3, 31);

    private OfficialOrganisations() {
    }

    public static List<Official> read() {
        var all = new ArrayList<Official>();
        for (var row : csv("geography/icbs.csv")) {
            boolean superseded = !"current".equals(row.get("status"));
            all.add(new Official(row.get("code"), row.get("name"), OrganisationKind.ICB, superseded ? ICB_MERGERS : null,
                    blankToNull(row.get("successor_code"))));
        }
        for (var row : csv("geography/local-authorities.csv")) {
            all.add(new Official(row.get("code"), row.get("council_name"), OrganisationKind.COUNCIL, null, null));
        }
        for (var row : csv("organisations/nhs-trusts.csv")) {
            String closed = blankToNull(row.get("close_date"));
            all.add(new Official(row.get("code"), row.get("name"), OrganisationKind.NHS_TRUST, closed == null ? null : LocalDate.parse(closed),
                    blankToNull(row.get("successor_code"))));
        }
        return all;
    }

    private static List<Map<String, String>> csv(String path) {
        InputStream in = OfficialOrganisations.class.getClassLoader().getResourceAsStream("seed-data/" + path);
        if (in == null) {
            throw new IllegalStateException("seed-data/" + path + " is missing from the build");
        }
        return CsvTable.read(in, path);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
