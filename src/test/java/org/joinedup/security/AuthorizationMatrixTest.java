package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint in the OpenAPI document against every role and no token. An endpoint missing
 * from {@link #RULES} fails the build, so a new endpoint cannot ship without a decision.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String ANONYMOUS = "anonymous";
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN);
    private static final Set<String> SIGNED_IN = Set.of(Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN);
    private static final Set<String> OWNERS = Set.of(Roles.LEADER, Roles.ADMIN);
    private static final Set<String> MATCHING = Set.of(Roles.LEADER, Roles.PROGRAMME, Roles.ADMIN);
    private static final Set<String> STAFF = Set.of(Roles.PROGRAMME, Roles.ADMIN);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> COMMISSIONERS_AND_PROGRAMME = Set.of(Roles.COMMISSIONER, Roles.PROGRAMME);
    /** Place self-assessments: those who plan and commission with a place, not leaders or the public. */
    private static final Set<String> PLACE_PLANNERS = Set.of(Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN);
    /** Allowed calls not actually made here, because they would change the shared data (their own tests cover them). */
    private static final Set<String> NOT_CALLED = Set.of("DELETE /api/me", "POST /api/admin/reindex",
            "POST /api/auth/sign-out", "POST /api/auth/sign-out-everywhere", "POST /api/admin/signing-keys/rotate");
    private static final long NO_SUCH_ID = 987_654_321L;

    /** Who may call what: the decision for each endpoint. */
    static final Map<String, Set<String>> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/vocabularies", EVERYONE),
            Map.entry("GET /api/vocabularies/{name}", EVERYONE),
            Map.entry("GET /api/areas", EVERYONE),
            Map.entry("GET /api/areas/{code}", EVERYONE),
            Map.entry("GET /api/areas/{code}/similar", EVERYONE),
            Map.entry("POST /api/rounds", STAFF),
            Map.entry("GET /api/rounds", EVERYONE),
            Map.entry("GET /api/rounds/{id}", EVERYONE),
            Map.entry("PUT /api/rounds/{id}", STAFF),
            Map.entry("POST /api/rounds/{id}/nominations", EVERYONE),
            Map.entry("POST /api/nominations/confirm", EVERYONE),
            Map.entry("GET /api/rounds/{id}/nominations", SIGNED_IN),
            Map.entry("DELETE /api/rounds/{id}/nominations/{nominationId}", SIGNED_IN),
            Map.entry("GET /api/me/nominations", SIGNED_IN),
            Map.entry("POST /api/areas/{code}/assessments", PLACE_PLANNERS),
            Map.entry("GET /api/areas/{code}/assessments", PLACE_PLANNERS),
            Map.entry("GET /api/areas/{code}/strengths-for-gaps", PLACE_PLANNERS),
            Map.entry("GET /api/organisations", EVERYONE),
            Map.entry("GET /api/organisations/{code}", EVERYONE),
            Map.entry("POST /api/organisations", STAFF),
            Map.entry("POST /api/auth/token", EVERYONE),
            Map.entry("PUT /api/auth/password", SIGNED_IN),
            Map.entry("POST /api/auth/sign-out", SIGNED_IN),
            Map.entry("POST /api/auth/sign-out-everywhere", SIGNED_IN),
            Map.entry("GET /api/leaders", EVERYONE),
            Map.entry("POST /api/leaders", STAFF),
            Map.entry("GET /api/leaders/{id}", EVERYONE),
            Map.entry("PUT /api/leaders/{id}", SIGNED_IN),
            Map.entry("DELETE /api/leaders/{id}", OWNERS),
            Map.entry("PUT /api/leaders/{id}/pause", SIGNED_IN),
            Map.entry("DELETE /api/leaders/{id}/pause", SIGNED_IN),
            Map.entry("GET /api/leaders/{leaderId}/records", EVERYONE),
            Map.entry("POST /api/leaders/{leaderId}/records", SIGNED_IN),
            Map.entry("GET /api/leaders/{leaderId}/delegates", OWNERS),
            Map.entry("POST /api/leaders/{leaderId}/delegates", OWNERS),
            Map.entry("DELETE /api/leaders/{leaderId}/delegates/{username}", SIGNED_IN),
            Map.entry("GET /api/me/delegations", SIGNED_IN),
            Map.entry("GET /api/saved-searches", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("POST /api/saved-searches", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("GET /api/saved-searches/{id}", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("PUT /api/saved-searches/{id}", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("DELETE /api/saved-searches/{id}", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("GET /api/records/{id}", EVERYONE),
            Map.entry("PUT /api/records/{id}", SIGNED_IN),
            Map.entry("DELETE /api/records/{id}", OWNERS),
            Map.entry("POST /api/records/{id}/publish", OWNERS),
            Map.entry("GET /api/me/follow-ups", Set.of(Roles.LEADER)),
            Map.entry("PUT /api/follow-ups/{id}", Set.of(Roles.LEADER)),
            Map.entry("GET /api/leaders/{leaderId}/track-record", EVERYONE),
            Map.entry("POST /api/records/{id}/endorsements", SIGNED_IN),
            Map.entry("POST /api/records/{id}/verifications", STAFF),
            Map.entry("POST /api/records/{id}/corroboration-requests", MATCHING),
            Map.entry("GET /api/records/{id}/corroboration-requests", SIGNED_IN),
            Map.entry("GET /api/me/corroboration-requests", SIGNED_IN),
            Map.entry("POST /api/records/{id}/co-leaders", SIGNED_IN),
            Map.entry("GET /api/records/{id}/co-leaders", SIGNED_IN),
            Map.entry("DELETE /api/records/{id}/co-leaders/{leaderId}", SIGNED_IN),
            Map.entry("GET /api/me/co-leads", Set.of(Roles.LEADER)),
            Map.entry("POST /api/me/co-leads/{recordId}/confirm", Set.of(Roles.LEADER)),
            Map.entry("POST /api/me/co-leads/{recordId}/decline", Set.of(Roles.LEADER)),
            Map.entry("GET /api/search/leaders", EVERYONE),
            Map.entry("GET /api/search/regions", EVERYONE),
            Map.entry("GET /api/search/export.csv", EVERYONE),
            Map.entry("POST /api/admin/reindex", ADMIN),
            Map.entry("GET /api/admin/reindex", ADMIN),
            Map.entry("GET /api/admin/jobs", ADMIN),
            Map.entry("GET /api/admin/jobs/{id}", ADMIN),
            Map.entry("GET /api/admin/search/check", ADMIN),
            Map.entry("POST /api/admin/search/check/fix", ADMIN),
            Map.entry("GET /api/admin/search/query", ADMIN),
            Map.entry("GET /api/admin/outbox", ADMIN),
            Map.entry("POST /api/admin/outbox/replay", ADMIN),
            Map.entry("GET /api/admin/accounts", ADMIN),
            Map.entry("POST /api/admin/accounts", ADMIN),
            Map.entry("PUT /api/admin/accounts/{id}/roles", ADMIN),
            Map.entry("POST /api/admin/accounts/{id}/disable", ADMIN),
            Map.entry("POST /api/admin/accounts/{id}/enable", ADMIN),
            Map.entry("PUT /api/accounts/{id}/organisation", STAFF),
            Map.entry("GET /api/admin/signing-keys", ADMIN),
            Map.entry("POST /api/admin/signing-keys/rotate", ADMIN),
            Map.entry("GET /api/admin/audit", ADMIN),
            Map.entry("POST /api/admin/imports", STAFF),
            Map.entry("GET /api/admin/imports", STAFF),
            Map.entry("GET /api/admin/imports/{id}", STAFF),
            Map.entry("GET /api/learning-requests", MATCHING),
            Map.entry("POST /api/learning-requests", MATCHING),
            Map.entry("GET /api/learning-requests/{id}", MATCHING),
            Map.entry("PUT /api/learning-requests/{id}", MATCHING),
            Map.entry("DELETE /api/learning-requests/{id}", MATCHING),
            Map.entry("GET /api/learning-requests/{id}/matches", MATCHING),
            Map.entry("GET /api/mentorships", MATCHING),
            Map.entry("POST /api/mentorships", MATCHING),
            Map.entry("GET /api/mentorships/{id}", MATCHING),
            Map.entry("POST /api/mentorships/{id}/accept", MATCHING),
            Map.entry("POST /api/mentorships/{id}/decline", MATCHING),
            Map.entry("POST /api/mentorships/{id}/start", MATCHING),
            Map.entry("POST /api/mentorships/{id}/complete", MATCHING),
            Map.entry("PUT /api/mentorships/{id}/closing", MATCHING),
            Map.entry("POST /api/cohort-matches", STAFF),
            Map.entry("GET /api/matching-profiles", SIGNED_IN),
            Map.entry("GET /api/matching-profiles/{programme}", SIGNED_IN),
            Map.entry("PUT /api/matching-profiles/{programme}", STAFF),
            Map.entry("GET /api/cohort-matches/{id}", STAFF),
            Map.entry("POST /api/cohort-matches/{id}/accept", STAFF),
            Map.entry("GET /api/introductions", SIGNED_IN),
            Map.entry("POST /api/introductions", SIGNED_IN),
            Map.entry("GET /api/introductions/{id}", SIGNED_IN),
            Map.entry("POST /api/introductions/{id}/accept", SIGNED_IN),
            Map.entry("POST /api/introductions/{id}/decline", SIGNED_IN),
            Map.entry("GET /api/me", SIGNED_IN),
            Map.entry("GET /api/me/notifications", SIGNED_IN),
            Map.entry("POST /api/me/notifications/{id}/read", SIGNED_IN),
            Map.entry("POST /api/me/notifications/read-all", SIGNED_IN),
            Map.entry("GET /api/me/export", Set.of(Roles.LEADER)),
            Map.entry("POST /api/leaders/{id}/invitation", STAFF),
            Map.entry("POST /api/invitations/claim", EVERYONE),
            Map.entry("POST /api/account-requests", EVERYONE),
            Map.entry("POST /api/account-requests/confirmation", EVERYONE),
            Map.entry("GET /api/account-requests", STAFF),
            Map.entry("POST /api/account-requests/{id}/approval", STAFF),
            Map.entry("POST /api/account-requests/{id}/rejection", STAFF),
            Map.entry("POST /api/password-reset", EVERYONE),
            Map.entry("POST /api/password-reset/completion", EVERYONE),
            Map.entry("GET /api/admin/organisations/{code}/domains", ADMIN),
            Map.entry("PUT /api/admin/organisations/{code}/domains", ADMIN),
            Map.entry("GET /api/me/mail-preferences", SIGNED_IN),
            Map.entry("PUT /api/me/mail-preferences", SIGNED_IN),
            Map.entry("GET /api/admin/mail", ADMIN),
            Map.entry("POST /api/admin/mail/{id}/resend", ADMIN),
            Map.entry("DELETE /api/me", Set.of(Roles.LEADER)),
            Map.entry("POST /api/shortlists", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("GET /api/shortlists", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("GET /api/shortlists/{id}", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("GET /api/shortlists/{id}/export.csv", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("PUT /api/shortlists/{id}", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("DELETE /api/shortlists/{id}", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("PUT /api/shortlists/{id}/leaders/{leaderId}", COMMISSIONERS_AND_PROGRAMME),
            Map.entry("DELETE /api/shortlists/{id}/leaders/{leaderId}", COMMISSIONERS_AND_PROGRAMME),
            // any account may be a round's judge; the service checks the panel
            Map.entry("GET /api/rounds/{id}/judging/conflicts", SIGNED_IN),
            Map.entry("PUT /api/rounds/{id}/judging/conflicts", SIGNED_IN),
            Map.entry("GET /api/rounds/{id}/judging/scores", SIGNED_IN),
            Map.entry("PUT /api/rounds/{id}/judging/scores/{leaderId}", SIGNED_IN),
            Map.entry("GET /api/rounds/{id}/progress", STAFF),
            Map.entry("POST /api/rounds/{id}/close", STAFF),
            // staff, and the round's judges once it has closed
            Map.entry("GET /api/rounds/{id}/result", SIGNED_IN),
            Map.entry("POST /api/rounds/{id}/result/moves", STAFF),
            Map.entry("PUT /api/rounds/{id}/result/citations/{leaderId}", STAFF),
            Map.entry("POST /api/rounds/{id}/publish", STAFF),
            // the round's list visibility decides, once published
            Map.entry("GET /api/rounds/{id}/list", EVERYONE)));

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    /** Every operation of the OpenAPI document, as "METHOD /path" (the sweep walks the same list). */
    @SuppressWarnings("unchecked")
    static List<String> documentedEndpoints() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        var endpoints = new ArrayList<String>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(method -> endpoints.add(method.toUpperCase() + " " + path)));
        return endpoints;
    }

    @Test
    void everyDocumentedEndpointHasARule() {
        var documented = documentedEndpoints();
        var missing = documented.stream().filter(e -> !RULES.containsKey(e)).toList();
        assertEquals(List.of(), missing, "endpoints without an authorisation rule");
        var stale = RULES.keySet().stream().filter(e -> !documented.contains(e)).toList();
        assertEquals(List.of(), stale, "rules for endpoints that no longer exist");
    }

    /** A generated client sends the token where the document asks for it: exactly where the public is refused. */
    @Test
    void theDocumentAsksForTheBearerTokenExactlyWhereThePublicIsRefused() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        var wrong = new ArrayList<String>();
        RULES.forEach((endpoint, allowed) -> {
            var parts = endpoint.split(" ", 2);
            var security = paths.get(parts[1]).get(parts[0].toLowerCase()).get("security");
            boolean asksForToken = security != null && security.equals(List.of(Map.of("bearerAuth", List.of())));
            if (asksForToken == allowed.contains(ANONYMOUS)) {
                wrong.add(endpoint + (asksForToken ? " is public" : " needs a token") + ", the document says otherwise: " + security);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRoleGetsExactlyWhatItsRuleAllows() {
        var tokens = new TreeMap<String, String>();
        for (var role : List.of(Roles.LEADER, Roles.COMMISSIONER, Roles.PROGRAMME, Roles.ADMIN)) {
            tokens.put(role, Fixtures.token("demo-" + role));
        }
        var wrong = new ArrayList<String>();
        for (var endpoint : documentedEndpoints()) {
            var allowed = RULES.get(endpoint);
            for (var caller : EVERYONE) {
                boolean may = allowed.contains(caller);
                if (may && NOT_CALLED.contains(endpoint)) {
                    continue;
                }
                int status = call(endpoint, tokens.get(caller));
                boolean denied = status == 401 || status == 403;
                int expectedDenial = ANONYMOUS.equals(caller) ? 401 : 403;
                if (may && denied || !may && status != expectedDenial) {
                    wrong.add(endpoint + " as " + caller + ": " + status + (may ? " (should be allowed)" : " (should be " + expectedDenial + ")"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void deniedAnswersAreProblemJson() {
        given().when().get("/api/admin/outbox").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-commissioner"))).when().get("/api/admin/outbox")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static int call(String endpoint, String token) {
        var parts = endpoint.split(" ", 2);
        var path = parts[1].replaceAll("\\{[^}]+}", String.valueOf(NO_SUCH_ID)).replace("/api/vocabularies/" + NO_SUCH_ID, "/api/vocabularies/services");
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request.header("Authorization", Fixtures.bearer(token));
        }
        if (parts[0].equals("POST") || parts[0].equals("PUT")) {
            request.body("{}");
        }
        var status = request.when().request(parts[0], path).then().extract().statusCode();
        assertTrue(status < 500, endpoint + " answered " + status);
        return status;
    }
}
