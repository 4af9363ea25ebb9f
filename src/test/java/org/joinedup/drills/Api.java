package org.joinedup.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client for one service copy, signed in as the drill's admin. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    final String base;
    private final String token;
    /** Sends the token as the web pages' session cookie instead of a bearer header. */
    private final boolean asCookie;

    Api(String base, String token) {
        this(base, token, false);
    }

    private Api(String base, String token, boolean asCookie) {
        this.base = base;
        this.token = token;
        this.asCookie = asCookie;
    }

    /** The same account, signed in the way a browser is: by the session cookie. */
    Api bySessionCookie() {
        return new Api(base, token, true);
    }

    static Api signIn(String base, String username, String password) {
        var anonymous = new Api(base, null);
        var answer = anonymous.send("POST", "/api/auth/token", Map.of("username", username, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("cannot sign in at " + base + ": " + answer.status() + " " + answer.body());
        }
        return new Api(base, answer.json().path("accessToken").asText());
    }

    Api at(String otherBase) {
        return new Api(otherBase, token);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer send(String method, String path, Object body) {
        try {
            return sendRaw(method, path, body == null ? null : JSON.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any body, any content type; a connection failure is status 0. */
    Answer sendRaw(String method, String path, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null && asCookie) {
            request.header("Cookie", "joinedup-session=" + token);
        } else if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            return new Answer(0, null, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
