package org.joinedup.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HSTS on responses served over TLS, here or at a trusted TLS-terminating proxy that forwarded the
 * scheme (quarkus.http.proxy.*): a browser that once reached the site over https never falls back to
 * plain http. Over plain http the header would mean nothing (browsers ignore it there), so it is left out.
 */
@ApplicationScoped
public class StrictTransport {

    static final String HEADER = "Strict-Transport-Security";
    static final String ONE_YEAR = "max-age=31536000; includeSubDomains";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().isSSL() || "https".equals(context.request().scheme())) {
                context.response().putHeader(HEADER, ONE_YEAR);
            }
            context.next();
        }, 10);
    }
}
