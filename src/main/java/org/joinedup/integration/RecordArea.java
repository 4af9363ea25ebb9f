package org.joinedup.integration;

import jakarta.persistence.Embeddable;

/** Where the work happened: an English area code, or a country and place with coordinates. */
@Embeddable
public class RecordArea {
    public String areaCode;
    public String country;
    public String place;
    public Double latitude;
    public Double longitude;
}
