package org.joinedup.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.joinedup.platform.CodeOrObject;

/**
 * Where a piece of work happened, as shown to clients: an English area resolved to its current ICB
 * and NHS England region, or a named place abroad.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaceView(String code, String name, String type, CodeAndName icb, CodeAndName region,
        String country, String place, Double latitude, Double longitude) {

    public record CodeAndName(String code, String name) {
    }

    /** An area in a request: its code, or this view of it as a GET showed it. */
    public static class Code extends CodeOrObject {

        public Code() {
            super(PlaceView.class);
        }
    }
}
