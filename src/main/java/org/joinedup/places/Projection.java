package org.joinedup.places;

/**
 * Longitude and latitude to a flat drawing space, y down: an equirectangular projection whose
 * longitudes are shrunk by the cosine of the middle latitude, so England keeps its shape at this
 * scale, fitted to a bounding box and a width in drawing units. Good enough for a map the size of
 * a column; not for measuring.
 */
public record Projection(double west, double north, double shrink, double scale, int width, int height) {

    /** Fits the box (degrees) into {@code width} units across; the height follows. */
    public static Projection fit(double west, double south, double east, double north, int width) {
        double shrink = Math.cos(Math.toRadians((north + south) / 2));
        double scale = width / ((east - west) * shrink);
        int height = (int) Math.ceil((north - south) * scale);
        return new Projection(west, north, shrink, scale, width, height);
    }

    public double x(double lon) {
        return (lon - west) * shrink * scale;
    }

    public double y(double lat) {
        return (north - lat) * scale;
    }
}
