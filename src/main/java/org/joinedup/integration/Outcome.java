package org.joinedup.integration;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** What came of the work: a measured change on a known metric, or a described one. */
@Embeddable
public class Outcome {
    public String metric;
    public String description;
    public BigDecimal baseline;
    public BigDecimal result;
    public String unit;
    public String period;
    public String source;
}
