package org.joinedup.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small things every page resource does the same way: redirects after a form, HTML answers, cookies. */
final class Pages {

    private Pages() {
    }

    /** Post/redirect/get: a form that worked answers 303, so reloading the next page does not send it again. */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    static NewCookie cookie(String name, String value, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Only a path on this site may follow sign-in, never another host ("//evil.example" included), and
     * only one that is a valid URI (a space or a quote in a crafted link goes home instead of failing).
     */
    static String localPath(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.contains("\r") || next.contains("\n")) {
            return fallback;
        }
        try {
            var uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : fallback;
        } catch (URISyntaxException e) {
            return fallback;
        }
    }
}
