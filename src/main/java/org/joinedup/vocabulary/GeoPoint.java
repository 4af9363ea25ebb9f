package org.joinedup.vocabulary;

/** A point on the map in degrees: an area's centroid, a place abroad, a search's "near". */
public record GeoPoint(double lat, double lon) {
}
