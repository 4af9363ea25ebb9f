package org.joinedup.platform;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} and {@code size} query parameters shared by every list endpoint. Taken as text
 * and checked by pattern, so "size=abc" is a 400 naming size rather than JAX-RS's bare 404.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number, 0 or more (pages count from 0)")
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "0*([1-9]|[1-9][0-9]|100)", message = "must be a whole number from 1 to " + MAX_SIZE)
    String size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = String.valueOf(page);
        this.size = String.valueOf(size);
    }

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }
}
