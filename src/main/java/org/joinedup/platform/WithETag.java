package org.joinedup.platform;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the operations whose answer is the {@link Versioned} resource at the request's address (or,
 * for a 201, the one created): their answers carry its ETag. Not for actions such as
 * {@code POST .../accept}, whose address is not the resource's.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface WithETag {
}
