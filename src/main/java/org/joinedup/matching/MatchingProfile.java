package org.joinedup.matching;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

/** A programme's stored matching profile (see {@link MatchProfile}); a programme without one uses the default. */
@Entity
@Table(name = "matching_profile")
public class MatchingProfile extends PanacheEntityBase {

    /** A code of the programmes vocabulary. */
    @Id
    public String programme;

    @Version
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> weights = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> musts = new ArrayList<>();

    @UpdateTimestamp
    public Instant updatedAt;

    MatchProfile profile() {
        return new MatchProfile(weights, musts.stream().map(code -> MatchProfile.Must.of(code).orElseThrow()).toList());
    }
}
