package org.joinedup.recognition;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.joinedup.vocabulary.CsvTable;

/**
 * The criteria a new round starts with: seed-data/recognition/criteria.csv (the CI50's six), read
 * once at start. A bad row stops the start, so a round never opens with a criterion the database
 * would refuse.
 */
@ApplicationScoped
public class DefaultCriteria {

    private static final Logger LOG = Logger.getLogger(DefaultCriteria.class);
    static final String FILE = "seed-data/recognition/criteria.csv";
    /** As round_criterion's check (V28). */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 1000;

    private List<RoundCriterion> criteria;

    /** In @PostConstruct, not the constructor: the CDI client proxy runs the constructor too. */
    @PostConstruct
    void load() {
        var in = DefaultCriteria.class.getClassLoader().getResourceAsStream(FILE);
        if (in == null) {
            throw new IllegalStateException(FILE + " is missing from the build");
        }
        criteria = parse(CsvTable.read(in, FILE).stream().map(row -> new RoundCriterion(row.get("code"), row.get("name"), row.get("description")))
                .toList());
        LOG.infof("Loaded %d default round criteria from %s", criteria.size(), FILE);
    }

    /** The rows checked as the database would check them; the first bad one is an exception naming it. */
    static List<RoundCriterion> parse(List<RoundCriterion> rows) {
        if (rows.isEmpty()) {
            throw new IllegalStateException(FILE + " has no criteria");
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < rows.size(); i++) {
            var c = rows.get(i);
            var where = FILE + " row " + (i + 2) + ": ";
            if (c.code == null || !CODE.matcher(c.code).matches()) {
                throw new IllegalStateException(where + "code '" + c.code + "' must be lower case letters, digits and hyphens, 1 to 40, from a letter");
            }
            if (!codes.add(c.code)) {
                throw new IllegalStateException(where + "code '" + c.code + "' is repeated");
            }
            if (c.name == null || c.name.isBlank() || c.name.length() > MAX_NAME) {
                throw new IllegalStateException(where + "name must be 1 to " + MAX_NAME + " characters");
            }
            if (c.description == null || c.description.isBlank() || c.description.length() > MAX_DESCRIPTION) {
                throw new IllegalStateException(where + "description must be 1 to " + MAX_DESCRIPTION + " characters");
            }
        }
        return List.copyOf(rows);
    }

    /** Fresh copies, so a round's edits never reach the defaults. */
    public List<RoundCriterion> criteria() {
        return criteria.stream().map(c -> new RoundCriterion(c.code, c.name, c.description)).toList();
    }
}
