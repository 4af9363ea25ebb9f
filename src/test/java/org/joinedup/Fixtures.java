package org.joinedup;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.restassured.config.HeaderConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds test data through the API, as a client would. Also declares the Elasticsearch relay that
 * every @QuarkusTest uses (a test resource declared once applies to the whole run).
 */
@QuarkusTestResource(ElasticsearchProxy.class)
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> leader(String name) {
        var leader = new HashMap<String, Object>();
        leader.put("name", name);
        leader.put("currentRole", "Head of integrated care");
        leader.put("organisation", "E10000024"); // Nottinghamshire County Council
        leader.put("doingNow", "Leading discharge redesign");
        leader.put("doingNowAsOf", "2026-05-01");
        leader.put("homeArea", "E10000024");
        leader.put("mentoring", Map.of("willing", true, "capacity", 2, "formats", List.of("site-visit", "calls"), "trained", true));
        leader.put("visibility", "public");
        leader.put("contact", Map.of("email", "test.leader@example.org"));
        return leader;
    }

    public static Map<String, Object> record(String title) {
        var record = new HashMap<String, Object>();
        record.put("title", title);
        record.put("summary", "Integrated neighbourhood teams with named care coordinators.");
        record.put("areas", List.of(Map.of("code", "E10000024")));
        record.put("services", List.of("gp", "community-health", "social-care"));
        record.put("scope", "place");
        record.put("approaches", List.of("integrated-teams", "care-coordinators"));
        record.put("programme", "pioneer-2013");
        record.put("role", "led");
        // Sherwood Forest Hospitals NHS Foundation Trust (ODS) and NHS Nottingham and Nottinghamshire ICB (ONS)
        record.put("partnerOrganisations", List.of("RK5", "E54000060"));
        record.put("periodStart", "2014-04-01");
        record.put("periodEnd", "2017-03-31");
        record.put("outcomes", List.of(Map.of("metric", "non-elective-admissions", "description", "Emergency admissions of over-65s",
                "baseline", 100, "result", 92, "unit", "index", "period", "2014-2017")));
        record.put("evidence", List.of(Map.of("title", "Evaluation", "url", "https://example.org/evaluation")));
        return record;
    }

    /** The password of the demo accounts in the test profile (application.properties). */
    public static final String DEMO_PASSWORD = "test-demo-password";

    /** A bearer token for an account, signed in through the API. */
    public static String token(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/auth/token").then().log().ifValidationFails().statusCode(200).extract().jsonPath().getString("accessToken");
    }

    public static String token(String demoAccount) {
        return token(demoAccount, DEMO_PASSWORD);
    }

    /**
     * From now on every request of this test class carries this account's token (a test class
     * states whom it acts as in @BeforeAll); an explicit Authorization header still wins. The token
     * is fetched at the first request, once Quarkus has set the test port.
     */
    public static void actAs(String demoAccount) {
        RestAssured.config = RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                .overwriteHeadersWithName("Authorization", "Content-Type", "Accept"));
        RestAssured.replaceFiltersWith(new SignedInAs(demoAccount));
    }

    /** Requests carry no token unless a test adds one. */
    public static void actAnonymously() {
        RestAssured.replaceFiltersWith(List.of());
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** Adds the account's bearer token to requests that have none (and are not themselves signing in). */
    private record SignedInAs(String account) implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization") && !request.getURI().endsWith("/api/auth/token")) {
                var token = TOKENS.computeIfAbsent(account + "@" + RestAssured.port, key -> token(account));
                request.header("Authorization", bearer(token));
            }
            return context.next(request, response);
        }
    }

    /** Requests to the management interface (health, metrics), on its own test port. */
    public static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * The code of the organisation with this name: an official one, or an unlisted one programme
     * staff add for the test (or added before, which the 409 names).
     */
    public static String organisation(String name) {
        var added = given().header("Authorization", bearer(TOKENS.computeIfAbsent("demo-programme@" + RestAssured.port, key -> token("demo-programme"))))
                .contentType(ContentType.JSON).body(Map.of("name", name)).when().post("/api/organisations");
        if (added.statusCode() == 201) {
            return added.jsonPath().getString("code");
        }
        var taken = Pattern.compile("same organisation as (\\S+) '").matcher(String.valueOf(added.jsonPath().getString("detail")));
        if (added.statusCode() != 409 || !taken.find()) {
            throw new AssertionError("cannot find or add organisation '" + name + "': " + added.statusCode() + " " + added.asString());
        }
        return taken.group(1);
    }

    public static long createLeader(Map<String, Object> leader) {
        return given().contentType(ContentType.JSON).body(leader)
                .when().post("/api/leaders")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long createRecord(long leaderId, Map<String, Object> record) {
        return given().contentType(ContentType.JSON).body(record)
                .when().post("/api/leaders/" + leaderId + "/records")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Makes {@code leaderId} a confirmed co-leader of the record in {@code role}: an admin names them
     * and they confirm, through a leader account of theirs made for it (docs/co-led-records.md).
     */
    public static void confirmCoLead(long recordId, long leaderId, String role) {
        var admin = bearer(token("demo-admin"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("leaderId", leaderId, "role", role))
                .when().post("/api/records/" + recordId + "/co-leaders").then().statusCode(201);
        var username = "colead-" + leaderId + "-" + System.nanoTime();
        var password = "a-co-leader-password-long-enough";
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", List.of("leader"), "leaderId", leaderId))
                .when().post("/api/admin/accounts").then().statusCode(201);
        given().header("Authorization", bearer(token(username, password))).when().post("/api/me/co-leads/" + recordId + "/confirm")
                .then().statusCode(200);
    }

    /**
     * Waits until the live index equals the database (every leader at its current revision and
     * nothing else), as reported by the admin check, which refreshes the index first.
     */
    public static void awaitIndexInStep(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var response = given().header("Authorization", bearer(TOKENS.computeIfAbsent("demo-admin@" + RestAssured.port, k -> token("demo-admin"))))
                    .when().get("/api/admin/search/check").then().extract();
            if (response.statusCode() == 200 && response.jsonPath().getBoolean("inStep")) {
                return;
            }
            last = response.body().asString();
            sleep(200);
        }
        throw new AssertionError("index not in step with the database after " + timeout + ": " + last);
    }

    /**
     * Starts a rebuild of the index as demo-admin (202 with the job's Location) and follows the job
     * until it ends; the job as it ended.
     */
    public static JsonPath reindex(Duration timeout) {
        var location = given().header("Authorization", bearer(TOKENS.computeIfAbsent("demo-admin@" + RestAssured.port, k -> token("demo-admin"))))
                .when().post("/api/admin/reindex").then().statusCode(202).extract().header("Location");
        return awaitJob(location, timeout);
    }

    /** Polls a job (its Location) until it has succeeded or failed; the job as it ended. */
    public static JsonPath awaitJob(String location, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var job = given().header("Authorization", bearer(TOKENS.computeIfAbsent("demo-admin@" + RestAssured.port, k -> token("demo-admin"))))
                    .when().get(location).then().statusCode(200).extract().jsonPath();
            if (List.of("succeeded", "failed").contains(job.getString("state"))) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + location + " still " + job.getString("state") + " after " + timeout + ": " + job.prettify());
            }
            sleep(100);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
