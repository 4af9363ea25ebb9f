package org.joinedup.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code page} and {@code size} query parameters shared by every list endpoint. Taken as text
 * and checked by pattern, so "size=abc" is a 400 naming size rather than JAX-RS's bare 404.
 */
@PageRequest.Reachable
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

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    /**
     * The page must be reachable: the database query takes its offset as an int, so
     * page * size + size must fit in one, or the offset overflows into a 500. Reported on page; a
     * page or size that is not a number is left to its own pattern.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ReachableValidator.class)
    public @interface Reachable {
        String message() default "is beyond the last page that can be asked for";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class ReachableValidator implements ConstraintValidator<Reachable, PageRequest> {
        @Override
        public boolean isValid(PageRequest request, ConstraintValidatorContext context) {
            if (request == null || request.page == null || request.size == null || !request.page.matches(PAGE_PATTERN)
                    || !request.size.matches(SIZE_PATTERN) || ((long) request.page() + 1) * request.size() <= Integer.MAX_VALUE) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate()).addPropertyNode("page")
                    .addConstraintViolation();
            return false;
        }
    }
}
