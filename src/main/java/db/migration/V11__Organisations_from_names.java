package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;
import org.joinedup.organisation.OrganisationNames;
import org.joinedup.organisation.OrganisationStore;

/**
 * Turns the free-text organisation names of records' partners, leaders and endorsements into
 * references to organisations: official ones loaded from seed data, matched by name; every name
 * that matches none is kept as an unlisted organisation, and the log lists them for review.
 * The text columns are dropped by V12, once this has run.
 */
public class V11__Organisations_from_names extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V11__Organisations_from_names.class);
    static final String BY = "migration V11";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        OrganisationStore.upsertOfficial(connection);
        var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(strings(connection, "select distinct unnest(partner_organisations) from integration_record"));
        names.addAll(strings(connection, "select distinct organisation from leader where organisation is not null"));
        names.addAll(strings(connection, "select distinct endorser_organisation from endorsement where kind = 'endorsement'"));
        Map<String, String> codes = new LinkedHashMap<>();
        var unmatched = new ArrayList<String>();
        var dropped = new ArrayList<String>();
        for (String name : names) {
            if (OrganisationNames.key(name).isEmpty()) {
                dropped.add(name);
                continue;
            }
            var code = OrganisationStore.match(connection, name);
            if (code.isEmpty()) {
                unmatched.add(name.strip());
                code = Optional.of(OrganisationStore.addUnlisted(connection, name, BY, false));
            }
            codes.put(name.strip().toLowerCase(Locale.ROOT), code.get());
        }
        int partners = movePartners(connection, codes);
        int leaders = update(connection, "update leader set organisation_code = ? where lower(trim(organisation)) = ?", codes);
        int endorsements = update(connection,
                "update endorsement set organisation_code = ? where kind = 'endorsement' and lower(trim(endorser_organisation)) = ?", codes);
        LOG.infof("V11: %d organisation names, %d matched to an organisation, %d kept as unlisted; %d record partners, "
                + "%d leaders and %d endorsements now refer to organisations", names.size(), names.size() - unmatched.size() - dropped.size(),
                unmatched.size(), partners, leaders, endorsements);
        if (!unmatched.isEmpty()) {
            LOG.infof("V11: names kept as unlisted organisations (programme staff may merge or correct them): %s", unmatched);
        }
        if (!dropped.isEmpty()) {
            LOG.warnf("V11: names that say nothing but words like NHS or Council, dropped: %s", dropped);
        }
    }

    private static int movePartners(Connection connection, Map<String, String> codes) throws SQLException {
        int moved = 0;
        try (var read = connection.createStatement();
                var rows = read.executeQuery("select id, partner_organisations from integration_record order by id");
                var insert = connection.prepareStatement("insert into record_partner (record_id, position, organisation_code) values (?, ?, ?)")) {
            while (rows.next()) {
                var partners = new LinkedHashSet<String>();
                for (Object name : (Object[]) rows.getArray(2).getArray()) {
                    String code = codes.get(name.toString().strip().toLowerCase(Locale.ROOT));
                    if (code != null) {
                        partners.add(code);
                    }
                }
                int position = 0;
                for (String code : partners) {
                    insert.setLong(1, rows.getLong(1));
                    insert.setInt(2, position++);
                    insert.setString(3, code);
                    insert.addBatch();
                    moved++;
                }
            }
            insert.executeBatch();
        }
        return moved;
    }

    private static int update(Connection connection, String sql, Map<String, String> codes) throws SQLException {
        int updated = 0;
        try (var update = connection.prepareStatement(sql)) {
            for (var entry : codes.entrySet()) {
                update.setString(1, entry.getValue());
                update.setString(2, entry.getKey());
                updated += update.executeUpdate();
            }
        }
        return updated;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
