package org.joinedup.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Adds the ETag to the answers of operations marked {@link WithETag}. */
@Provider
@WithETag
public class ETagHeader implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 == 2 && response.getEntity() instanceof Versioned versioned) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, ETags.of(versioned.version()));
        }
    }
}
