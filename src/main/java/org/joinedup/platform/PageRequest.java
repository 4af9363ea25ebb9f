package org.joinedup.platform;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} and {@code size} query parameters shared by every list endpoint. Taken as text
 * and checked by pattern, so "size=abc" is a 400 naming size rather than JAX-RS's bare 404.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    private static final String PAGE_PATTERN = "\\d{1,9}";
    private static final String SIZE_PATTERN = "0*([1-9]|[1-9][0-9]|100)";

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = PAGE_PATTERN, message = "must be a whole number, 0 or more (pages count from 0)")
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = SIZE_PATTERN, message = "must be a whole number from 1 to " + MAX_SIZE)
    String size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = String.valueOf(page);
        this.size = String.valueOf(size);
    }

    /**
     * The last reachable page: the database query takes its offset as an int, so page * size + size
     * must fit in one, or the offset overflows into a 500. Named isPage so the violation names page;
     * a page or size that is not a number is left to its own pattern.
     */
    @AssertTrue(message = "is beyond the last page that can be asked for")
    public boolean isPage() {
        if (page == null || size == null || !page.matches(PAGE_PATTERN) || !size.matches(SIZE_PATTERN)) {
            return true;
        }
        return ((long) page() + 1) * size() <= Integer.MAX_VALUE;
    }

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }
}
