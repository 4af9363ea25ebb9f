package org.joinedup.security;

import static io.restassured.RestAssured.given;
import static org.joinedup.security.SecurityFixtures.as;
import static org.joinedup.security.SecurityFixtures.leader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.joinedup.Fixtures;
import org.joinedup.recognition.NominationRound;
import org.joinedup.recognition.RoundFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whether a hidden leader exists is never revealed: every endpoint that takes a leader id answers a
 * hidden leader's id exactly as it answers an id that belongs to no one, for every role that may
 * call it. The list of endpoints is held against the OpenAPI document, so a new one must be added.
 */
@QuarkusTest
class HiddenLeaderTest {

    @Inject
    EntityManager em;

    private static final long MISSING = 987_654_321L;
    /** An account request nobody made (not MISSING, which the comparison blanks out of answers). */
    private static final long NO_REQUEST = 987_654_320L;

    /** How to call one endpoint with a leader id, as some caller. */
    private record Call(String operation, BiFunction<RequestSpecification, Long, ExtractableResponse<Response>> send) {
    }

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aHiddenLeaderAndAMissingOneGetTheSameAnswerEverywhere() {
        long programmeOnly = leader("Programme Only Leader", "programme");
        long registeredOnly = leader("Registered Only Leader", "registered");
        // a learner with an open request, to propose a hidden mentor for
        long learner = leader("Hidden Test Learner", "public");
        var learnerToken = SecurityFixtures.leaderAccount(learner);
        long request = SecurityFixtures.withToken(learnerToken).contentType(ContentType.JSON)
                .body(Map.of("learnerId", learner, "area", "E10000024", "services", List.of("gp", "social-care")))
                .when().post("/api/learning-requests").then().statusCode(201).extract().jsonPath().getLong("id");

        // a shortlist the commissioner may work on, so what answers is the leader's check
        long shortlist = as("demo-commissioner").contentType(ContentType.JSON).body(Map.of("name", "Hidden leader test"))
                .when().post("/api/shortlists").then().statusCode(201).extract().jsonPath().getLong("id");

        // a round taking nominations, so what answers is the nominee's check
        var roundBody = new java.util.HashMap<String, Object>(Map.of("name", "Hidden leader test", "question", "Who?",
                "nominationsOpenOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(1).toString(),
                "nominationsCloseOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(5).toString(),
                "judgingCloseOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(10).toString(),
                "selectCount", 5, "rankCount", 0, "nominators", "signed-in", "listVisibility", "programme"));
        roundBody.put("judges", List.of(as("demo-admin").contentType(ContentType.JSON).body(Map.of("username", "hidden-judge-" + System.nanoTime(),
                "password", SecurityFixtures.PASSWORD, "roles", List.of("commissioner"))).when().post("/api/admin/accounts").then().statusCode(201)
                .extract().jsonPath().getLong("id")));
        long nominating = as("demo-programme").contentType(ContentType.JSON).body(roundBody).when().post("/api/rounds").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // a round in judging with the commissioner on its panel and the learner its one nominee, so
        // what answers a leader id there is the nominee check, not the panel's
        long commissionerAccount = as("demo-commissioner").when().get("/api/me").then().statusCode(200).extract().jsonPath()
                .getLong("account.id");
        long round = RoundFixtures.judgingRound(em, List.of(commissionerAccount), NominationRound.LIST_PUBLIC, 1, 0);
        RoundFixtures.nominate(em, round, learner, commissionerAccount);
        // a record of the leader caller's own, so what answers its co-leader calls is the leader's check
        long ownRecord = SecurityFixtures.withToken(learnerToken).contentType(ContentType.JSON).body(Fixtures.record("Hidden co-leader test"))
                .when().post("/api/leaders/" + learner + "/records").then().statusCode(201).extract().jsonPath().getLong("id");

        var edit = Fixtures.leader("Anyone");
        edit.put("version", 0);
        var calls = List.of(
                new Call("GET /api/leaders/{id}", (as, id) -> as.when().get("/api/leaders/" + id).then().extract()),
                new Call("PUT /api/leaders/{id}", (as, id) -> as.contentType(ContentType.JSON).body(edit).when().put("/api/leaders/" + id)
                        .then().extract()),
                new Call("DELETE /api/leaders/{id}", (as, id) -> as.when().delete("/api/leaders/" + id).then().extract()),
                new Call("PUT /api/leaders/{id}/pause", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("until", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString(), "reason", "x"))
                        .when().put("/api/leaders/" + id + "/pause").then().extract()),
                new Call("DELETE /api/leaders/{id}/pause", (as, id) -> as.when().delete("/api/leaders/" + id + "/pause").then().extract()),
                new Call("GET /api/leaders/{leaderId}/records", (as, id) -> as.when().get("/api/leaders/" + id + "/records").then().extract()),
                new Call("POST /api/leaders/{leaderId}/records", (as, id) -> as.contentType(ContentType.JSON).body(Fixtures.record("x"))
                        .when().post("/api/leaders/" + id + "/records").then().extract()),
                new Call("GET /api/leaders/{leaderId}/track-record", (as, id) -> as.when().get("/api/leaders/" + id + "/track-record").then().extract()),
                new Call("GET /api/leaders/{leaderId}/delegates", (as, id) -> as.when().get("/api/leaders/" + id + "/delegates").then().extract()),
                new Call("POST /api/leaders/{leaderId}/delegates", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("username", "demo-commissioner")).when().post("/api/leaders/" + id + "/delegates").then().extract()),
                new Call("DELETE /api/leaders/{leaderId}/delegates/{username}", (as, id) -> as.when()
                        .delete("/api/leaders/" + id + "/delegates/demo-commissioner").then().extract()),
                new Call("POST /api/leaders/{id}/invitation", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("email", "hidden-leader-test@example.org")).when().post("/api/leaders/" + id + "/invitation").then().extract()),
                // the request id is nobody's; the body names the leader the approved account would speak for
                new Call("POST /api/account-requests/{id}/approval", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("role", "leader", "leaderId", id)).when().post("/api/account-requests/" + NO_REQUEST + "/approval").then().extract()),
                new Call("POST /api/introductions", (as, id) -> as.contentType(ContentType.JSON).body(Map.of("leaderId", id))
                        .when().post("/api/introductions").then().extract()),
                new Call("POST /api/learning-requests", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("learnerId", id, "area", "E10000024", "services", List.of("gp", "social-care")))
                        .when().post("/api/learning-requests").then().extract()),
                new Call("PUT /api/learning-requests/{id}", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("learnerId", id, "area", "E10000024", "services", List.of("gp", "social-care"), "version", 0))
                        .when().put("/api/learning-requests/" + request).then().extract()),
                new Call("GET /api/learning-requests", (as, id) -> as.queryParam("learnerId", id).when().get("/api/learning-requests")
                        .then().extract()),
                new Call("POST /api/mentorships", (as, id) -> as.contentType(ContentType.JSON).body(Map.of("requestId", request, "mentorId", id))
                        .when().post("/api/mentorships").then().extract()),
                new Call("GET /api/mentorships", (as, id) -> as.queryParam("mentorId", id).queryParam("learnerId", id)
                        .when().get("/api/mentorships").then().extract()),
                new Call("PUT /api/shortlists/{id}/leaders/{leaderId}", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("note", "x")).when().put("/api/shortlists/" + shortlist + "/leaders/" + id).then().extract()),
                new Call("DELETE /api/shortlists/{id}/leaders/{leaderId}", (as, id) -> as.when()
                        .delete("/api/shortlists/" + shortlist + "/leaders/" + id).then().extract()),
                new Call("POST /api/rounds/{id}/nominations", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("nominee", Map.of("leaderId", id), "reasons", Map.of("leadership", "x")))
                        .when().post("/api/rounds/" + nominating + "/nominations").then().extract()),
                new Call("PUT /api/rounds/{id}/judging/conflicts", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("conflicts", List.of(Map.of("leaderId", id, "reason", "declared"))))
                        .when().put("/api/rounds/" + round + "/judging/conflicts").then().extract()),
                new Call("PUT /api/rounds/{id}/judging/scores/{leaderId}", (as, id) -> as.contentType(ContentType.JSON)
                        .body(RoundFixtures.scores(3, 3)).when().put("/api/rounds/" + round + "/judging/scores/" + id).then().extract()),
                new Call("POST /api/rounds/{id}/result/moves", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("leaderId", id, "toPosition", 1, "reason", "x")).when().post("/api/rounds/" + round + "/result/moves")
                        .then().extract()),
                new Call("PUT /api/rounds/{id}/result/citations/{leaderId}", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("citation", "x")).when().put("/api/rounds/" + round + "/result/citations/" + id).then().extract()),
                new Call("POST /api/records/{id}/co-leaders", (as, id) -> as.contentType(ContentType.JSON)
                        .body(Map.of("leaderId", id, "role", "co-led")).when().post("/api/records/" + ownRecord + "/co-leaders").then().extract()),
                new Call("DELETE /api/records/{id}/co-leaders/{leaderId}", (as, id) -> as.when()
                        .delete("/api/records/" + ownRecord + "/co-leaders/" + id).then().extract()),
                new Call("GET /leaders/{id}", (as, id) -> as.accept(ContentType.HTML).when().get("/leaders/" + id).then().extract()));
        assertEveryLeaderIdEndpointIsTried(calls);

        Map<String, Supplier<RequestSpecification>> callers = Map.of(
                "anonymous", () -> given(),
                "commissioner", () -> as("demo-commissioner"),
                "leader", () -> SecurityFixtures.withToken(learnerToken));
        var differences = new ArrayList<String>();
        callers.forEach((who, caller) -> {
            for (long hidden : who.equals("anonymous") ? List.of(programmeOnly, registeredOnly) : List.of(programmeOnly)) {
                for (var call : calls) {
                    var forHidden = call.send().apply(caller.get(), hidden);
                    var forMissing = call.send().apply(caller.get(), MISSING);
                    var hiddenAnswer = forHidden.statusCode() + " " + blankId(withoutRequestId(forHidden.body().asString()), hidden);
                    var missingAnswer = forMissing.statusCode() + " " + blankId(withoutRequestId(forMissing.body().asString()), MISSING);
                    if (!hiddenAnswer.equals(missingAnswer)) {
                        int at = firstDifference(hiddenAnswer, missingAnswer);
                        differences.add(who + " " + call.operation() + ": hidden " + around(hiddenAnswer, at) + " / missing " + around(missingAnswer, at));
                    }
                }
            }
        });
        assertEquals(List.of(), differences);
    }

    /** Every operation with a leader id in its path, its query or its request body is in the list above. */
    private static void assertEveryLeaderIdEndpointIsTried(List<Call> calls) {
        var document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        var takingALeader = new TreeSet<String>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            var input = String.valueOf(operation.get("parameters")) + " " + String.valueOf(operation.get("requestBody"));
            boolean takesOne = path.startsWith("/api/leaders/{") || LEADER_IDS.matcher(input).find() || bodyNamesALeader(document, input);
            if (takesOne && !path.startsWith("/api/admin")) {
                takingALeader.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }));
        var tried = calls.stream().map(Call::operation).toList();
        var untried = takingALeader.stream().filter(op -> !tried.contains(op)).toList();
        assertTrue(untried.isEmpty(), "endpoints taking a leader id but not tried here: " + untried);
    }

    private static final Pattern LEADER_IDS = Pattern.compile("\\b(leaderId|learnerId|mentorId)\\b");

    /** Whether the request body's schema (a $ref) has a leader id among its properties. */
    private static boolean bodyNamesALeader(JsonPath document, String input) {
        var ref = Pattern.compile("#/components/schemas/(\\w+)").matcher(input);
        while (ref.find()) {
            Map<String, Object> properties = document.getMap("components.schemas." + ref.group(1) + ".properties");
            if (properties != null && properties.keySet().stream().anyMatch(p -> LEADER_IDS.matcher(p).matches())) {
                return true;
            }
        }
        return false;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Where two answers part: the status and the 150 characters either side of the first difference. */
    private static String around(String answer, int at) {
        int from = Math.max(0, at - 150);
        return answer.substring(0, Math.min(3, answer.length())) + " ..." + answer.substring(Math.min(from, answer.length()),
                Math.min(answer.length(), at + 150)) + "...";
    }

    /**
     * The leader id as a whole word only: its digits may also occur inside a token or a hash on the
     * page, inside a decimal (a latitude of 53.1285 for leader 1285), and as a problem's status (a
     * hidden leader whose id is 404 or 401 must not turn one answer's status into "{id}" and not the
     * other's).
     */
    private static String blankId(String body, long id) {
        return body.replaceAll("(?<![0-9A-Za-z_.-])(?<!\"status\":)" + id + "(?![0-9A-Za-z_-]|\\.[0-9])", "{id}");
    }

    /** Every answer carries its own request id; the rest of it must not tell the two apart. */
    private static String withoutRequestId(String body) {
        return body.replaceAll(",?\"requestId\":\"[^\"]*\"", "");
    }
}
