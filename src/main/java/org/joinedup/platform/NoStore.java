package org.joinedup.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.joinedup.security.TokenVerification;

/**
 * {@code Cache-Control: no-store} on what must not stay in a browser's disk or back/forward cache on
 * a shared computer, nor in a proxy: every answer to a signed-in caller (session cookie or
 * Authorization header: it may hold their contact details or their work), and the pages a mailed
 * one-time link opens (the live token sits in the form). Anonymous public pages and API reads
 * (search, leaders) stay cacheable, and so do the stylesheet and scripts, which hold nobody's data.
 */
@ApplicationScoped
public class NoStore {

    /** Pages opened by a link with a token in it (one-time links, the signed unsubscribe link). */
    static final List<String> TOKEN_PAGES = List.of("/account/claim", "/account/reset", "/account/confirm",
            "/nominations/confirm", "/mail/unsubscribe");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (applies(context.request())) {
                context.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            context.next();
        }, 10);
    }

    static boolean applies(HttpServerRequest request) {
        var path = request.path();
        if (path == null || path.startsWith("/assets/")) {
            return false;
        }
        if (request.headers().contains(HttpHeaders.AUTHORIZATION) || request.getCookie(TokenVerification.SESSION_COOKIE) != null) {
            return true;
        }
        return TOKEN_PAGES.stream().anyMatch(page -> path.equals(page) || path.startsWith(page + "/"));
    }
}
