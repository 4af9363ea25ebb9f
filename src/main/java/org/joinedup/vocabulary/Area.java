package org.joinedup.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An English area from the geography lookup: an NHS England region, an ICB or an upper-tier local
 * authority. {@code icbCode} and {@code regionCode} are the current ones; a superseded ICB names its
 * {@code successorCode}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Area(String code, String name, String type, String odsCode, String icbCode, String regionCode,
        Double latitude, Double longitude, Boolean current, String successorCode) {

    public static final String REGION = "nhs-region";
    public static final String ICB = "icb";
    public static final String LOCAL_AUTHORITY = "local-authority";

    public boolean isLocalAuthority() {
        return LOCAL_AUTHORITY.equals(type);
    }
}
