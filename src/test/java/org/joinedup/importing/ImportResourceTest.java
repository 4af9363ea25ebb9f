package org.joinedup.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.security.SecurityFixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    static final String HEADER = "leader_external_id,name,current_role,organisation,home_area,visibility,mentoring_willing,mentoring_capacity,"
            + "mentoring_formats,email,record_external_id,title,areas,services,scope,approaches,programme,role,partner_organisations,"
            + "period_start,period_end,outcome_metric,outcome_baseline,outcome_result,evidence_urls\n";

    @BeforeAll
    static void asProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    /** A file of two leaders: one with two records (labels and synonyms for codes, a negative figure), one alone. */
    static String file(String p, String firstTitle) {
        return HEADER
                + p + "-L1,Ada Importer " + p + ",Director of integration,RK5,Nottinghamshire,public,yes,2,calls;site-visit,ada-" + p + "@example.org,"
                + p + "-R1," + firstTitle + ",E10000024,gp;Adult social care,place,integrated-teams,bcf,led,RK5;E10000024,2019-04-01,2022-03-31,"
                + "delayed-transfers,14.2,-3.5,https://example.org/eval\n"
                + p + "-L1,Ada Importer " + p + ",Director of integration,RK5,Nottinghamshire,public,yes,2,calls;site-visit,ada-" + p + "@example.org,"
                + p + "-R2,Discharge to assess in Mansfield,E10000024,acute;social-care,organisations,discharge-to-assess,,contributed,,2020-01-01,,,,,\n"
                + p + "-L2,Ben Leaderonly,,,E10000024,registered,no,,,,,,,,,,,,,,,,,,\n";
    }

    static ExtractableResponse<Response> post(String csv, String query) {
        return given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when()
                .post("/api/admin/imports" + (query.isEmpty() ? "" : "?" + query)).then().extract();
    }

    static JsonPath importAndWait(String csv, String name) {
        var started = post(csv, "fileName=" + name);
        assertEquals(202, started.statusCode(), started.asString());
        return Fixtures.awaitJob(started.header("Location"), Duration.ofSeconds(60));
    }

    @Test
    void aDryRunWritesNothingThenTheImportCreatesThenTheSameFileChangesNothingAndAChangedRowUpdates() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var csv = file(p, "Integrated teams in Mansfield");
        long leadersBefore = given().when().get("/api/leaders?size=1").then().statusCode(200).extract().jsonPath().getLong("total");

        var dry = post(csv, "dryRun=true&fileName=pioneers.csv");
        assertEquals(200, dry.statusCode(), dry.asString());
        var report = dry.jsonPath();
        assertTrue(report.getBoolean("valid"), dry.asString());
        assertEquals(3, report.getInt("rows"));
        assertEquals(Map.of("create", 2, "update", 0, "unchanged", 0, "keptByLeader", 0), report.getMap("leaders"));
        assertEquals(Map.of("create", 2, "update", 0, "unchanged", 0, "keptByLeader", 0), report.getMap("records"));
        assertEquals(leadersBefore, given().when().get("/api/leaders?size=1").then().extract().jsonPath().getLong("total"), "a dry run writes nothing");

        var job = importAndWait(csv, "pioneers.csv");
        assertEquals("succeeded", job.getString("state"), job.prettify());
        assertEquals("import", job.getString("kind"));
        assertEquals(2, job.getInt("result.leaders.create"));
        assertEquals(2, job.getInt("result.records.create"));
        assertEquals(leadersBefore + 2, given().when().get("/api/leaders?size=1").then().extract().jsonPath().getLong("total"));

        long ada = leaderNamed("Ada Importer " + p);
        var records = given().when().get("/api/leaders/" + ada + "/records").then().statusCode(200).extract().jsonPath();
        assertEquals(2, records.getList("items").size());
        var first = records.getString("items.find { it.title == 'Integrated teams in Mansfield' }.id");
        var record = given().when().get("/api/records/" + first).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("gp", "social-care"), record.getList("services"), "labels and synonyms are stored as codes");
        assertEquals(-3.5, record.getDouble("outcomes[0].result"), 0.0001, "a number may be negative");
        assertEquals("import", record.getString("source.kind") == null ? "import" : record.getString("source.kind"));
        assertTrue(record.prettify().contains("pioneers.csv"), "the record says which list it came from: " + record.prettify());
        var leader = given().when().get("/api/leaders/" + ada).then().statusCode(200).extract().jsonPath();
        assertEquals("E10000024", leader.getString("homeArea.code"), "an area's name is stored as its code");

        var audit = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")))
                .when().get("/api/admin/audit?entityType=leader&entityId=" + ada).then().statusCode(200).extract().jsonPath();
        assertEquals("demo-programme (imported from pioneers.csv)", audit.getString("items[0].actor"));

        var again = importAndWait(csv, "pioneers.csv");
        assertEquals("succeeded", again.getString("state"), again.prettify());
        assertEquals(Map.of("create", 0, "update", 0, "unchanged", 2, "keptByLeader", 0), again.getMap("result.leaders"));
        assertEquals(Map.of("create", 0, "update", 0, "unchanged", 2, "keptByLeader", 0), again.getMap("result.records"));
        assertEquals(1, given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")))
                .when().get("/api/admin/audit?entityType=leader&entityId=" + ada).then().extract().jsonPath().getList("items").size(),
                "the same file again writes nothing, not even an audit entry");

        var changed = file(p, "Integrated neighbourhood teams in Mansfield");
        var dryChanged = post(changed, "dryRun=true&fileName=pioneers-v2.csv").jsonPath();
        assertEquals(Map.of("create", 0, "update", 1, "unchanged", 1, "keptByLeader", 0), dryChanged.getMap("records"));
        assertEquals(Map.of("create", 0, "update", 0, "unchanged", 2, "keptByLeader", 0), dryChanged.getMap("leaders"));
        var third = importAndWait(changed, "pioneers-v2.csv");
        assertEquals(Map.of("create", 0, "update", 1, "unchanged", 1, "keptByLeader", 0), third.getMap("result.records"));
        given().when().get("/api/records/" + first).then().statusCode(200).body("title", equalTo("Integrated neighbourhood teams in Mansfield"));
    }

    /** The loop of import, invite, claim and import again: a claimed profile and its records are the leader's own. */
    @Test
    void aLeaderWhoClaimedTheirProfileKeepsWhatTheyChangedWhenTheFileIsImportedAgain() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var csv = file(p, "Integrated teams in Mansfield");
        importAndWait(csv, "loop-" + p + ".csv");
        long ada = leaderNamed("Ada Importer " + p);
        var adaToken = SecurityFixtures.leaderAccount(ada);
        var own = given().header("Authorization", Fixtures.bearer(adaToken)).when().get("/api/leaders/" + ada).then().statusCode(200)
                .extract().jsonPath();
        given().header("Authorization", Fixtures.bearer(adaToken)).contentType("application/json")
                .body(Map.of("name", own.getString("name"), "currentRole", "Chief executive", "homeArea", "E10000024",
                        "visibility", "programme", "version", own.getInt("version")))
                .when().put("/api/leaders/" + ada).then().statusCode(200);
        long record = given().when().get("/api/leaders/" + ada + "/records").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.title == 'Integrated teams in Mansfield' }.id");
        var changedFile = file(p, "A title staff typed later");

        var dry = post(changedFile, "dryRun=true&fileName=loop-" + p + "-again.csv").jsonPath();
        assertEquals(Map.of("create", 0, "update", 0, "unchanged", 1, "keptByLeader", 1), dry.getMap("leaders"), dry.prettify());
        assertEquals(Map.of("create", 0, "update", 0, "unchanged", 0, "keptByLeader", 2), dry.getMap("records"), dry.prettify());
        var again = importAndWait(changedFile, "loop-" + p + "-again.csv");
        assertEquals("succeeded", again.getString("state"), again.prettify());

        given().header("Authorization", Fixtures.bearer(adaToken)).when().get("/api/leaders/" + ada).then().statusCode(200)
                .body("visibility", equalTo("programme")).body("currentRole", equalTo("Chief executive"));
        given().header("Authorization", Fixtures.bearer(adaToken)).when().get("/api/records/" + record).then().statusCode(200)
                .body("title", equalTo("Integrated teams in Mansfield"));
    }

    @Test
    void withInviteEachImportedLeaderIsMailedALinkToClaimTheirProfile() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var csv = HEADER + p + "-L1,Ida Invitee " + p + ",,,E10000024,public,no,,,ida-" + p + "@example.org,,,,,,,,,,,,,,,\n";
        var started = post(csv, "fileName=invite-" + p + ".csv&invite=true");
        assertEquals(202, started.statusCode(), started.asString());
        var done = Fixtures.awaitJob(started.header("Location"), Duration.ofSeconds(60));
        assertEquals("succeeded", done.getString("state"), done.prettify());
        assertEquals(1, done.getInt("result.invitationsQueued"), done.prettify());
        var mails = QueuedMail.to("ida-" + p + "@example.org", MailKind.SECURITY);
        assertEquals(1, mails.size());
        Assertions.assertTrue(mails.get(0).text().contains("/account/claim?token="), mails.get(0).text());
    }

    /** The newest leader of that name (leaders are listed by id). */
    static long leaderNamed(String name) {
        long total = given().when().get("/api/leaders?size=1").then().extract().jsonPath().getLong("total");
        for (int page = (int) ((total - 1) / 100); page >= 0; page--) {
            List<Map<String, Object>> list = given().when().get("/api/leaders?size=100&page=" + page).then().extract().jsonPath().getList("items");
            for (int i = list.size() - 1; i >= 0; i--) {
                if (name.equals(list.get(i).get("name"))) {
                    return ((Number) list.get(i).get("id")).longValue();
                }
            }
        }
        throw new AssertionError("no leader " + name);
    }

    @Test
    void everyProblemIsListedWithRowColumnValueAndAllowedValuesAndTheImportThenWritesNothing() {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var csv = HEADER
                + p + "-L1,Cat Problems,=HYPERLINK(\"x\"),,E10000024,public,yes,1,,,"
                + p + "-R1,Title,E10000024,gp;hosptal,place,,,led,,2019-04-01,,delayed-transfers,-1,2,\n"
                + p + "-L1,Cat Problems,Other role,,E10000024,public,yes,1,,,"
                + p + "-R1,Twice,E10000024,gp;acute,place,,,led,,2019-04-01,,,,,\n"
                + p + "-L2,@Dan,,,E99999999,public,no,,,,,,,,,,,,,,,,,,\n";
        var report = post(csv, "dryRun=true&fileName=bad.csv").jsonPath();
        assertEquals(false, report.getBoolean("valid"));
        List<Map<String, Object>> problems = report.getList("problems");
        assertTrue(problems.contains(Map.of("row", 2, "column", "current_role", "value", "=HYPERLINK(\"x\")", "message",
                "starts with '=', which a spreadsheet runs as a formula: remove it (or write the text another way)")), problems.toString());
        var vocabulary = problems.stream().filter(q -> "services".equals(q.get("column"))).findFirst().orElseThrow();
        assertEquals(2, vocabulary.get("row"));
        assertEquals("hosptal", vocabulary.get("value"));
        assertTrue(((List<?>) vocabulary.get("allowed")).contains("social-care"), vocabulary.toString());
        assertTrue(problems.stream().anyMatch(q -> Integer.valueOf(3).equals(q.get("row")) && "record_external_id".equals(q.get("column"))
                && String.valueOf(q.get("message")).contains("also on row 2")), problems.toString());
        assertTrue(problems.stream().anyMatch(q -> Integer.valueOf(3).equals(q.get("row")) && "current_role".equals(q.get("column"))
                && String.valueOf(q.get("message")).contains("differs from row 2")), problems.toString());
        assertTrue(problems.stream().anyMatch(q -> Integer.valueOf(4).equals(q.get("row")) && "name".equals(q.get("column"))), problems.toString());
        assertTrue(problems.stream().anyMatch(q -> Integer.valueOf(4).equals(q.get("row")) && "home_area".equals(q.get("column"))
                && "E99999999".equals(q.get("value"))), problems.toString());
        assertTrue(problems.stream().noneMatch(q -> "outcome_baseline".equals(q.get("column"))), "a negative number is no formula: " + problems);
        assertEquals(problems.size(), report.getInt("problemCount"));

        var refused = post(csv, "fileName=bad.csv");
        assertEquals(400, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(refused.jsonPath().getList("violations.field").contains("row 2: services"), refused.asString());
        assertTrue(given().when().get("/api/search/leaders?q=" + p).then().extract().asString().contains("\"total\":0")
                || !given().when().get("/api/leaders?size=100&page=0").asString().contains("Cat Problems"), "nothing imported");
    }

    @Test
    void malformedFilesGetAClearProblemAndImportNothing() {
        // wrong delimiter
        assertProblem(HEADER.replace(',', ';') + "x;Y;;;E10000024\n", 1, "separated by semicolons");
        // no header: the first row is data
        assertProblem("X-1,Someone,,,E10000024\n", 1, "first row must be the header");
        // an unknown column
        assertProblem("leader_external_id,name,home_area,favourite_colour\nx,Y,E10000024,blue\n", 1, "'favourite_colour' is not a column");
        // a required column missing
        assertProblem("leader_external_id,name\nx,Y\n", 1, "home_area is missing");
        // empty
        assertProblem("", null, "the file is empty");
        // broken quoting
        assertProblem("leader_external_id,name,home_area\nx,\"Y,E10000024\n", 2, "cannot be read as CSV");
    }

    @Test
    void invalidUtf8IsAProblemNamingTheRowNotMojibake() {
        byte[] start = "leader_external_id,name,home_area\nx1,Zo\u00eb,E10000024\nx2,Zo".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = { (byte) 0xEB }; // "ë" in Windows-1252, no UTF-8 character on its own
        byte[] end = ",E10000024\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + latin1.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(latin1, 0, body, start.length, latin1.length);
        System.arraycopy(end, 0, body, start.length + latin1.length, end.length);
        var report = given().contentType("text/csv").body(body).when().post("/api/admin/imports?dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(false, report.getBoolean("valid"));
        assertTrue(report.getString("problems[0].message").contains("not UTF-8"), report.prettify());
        given().contentType("text/csv").body(body).when().post("/api/admin/imports").then().statusCode(400);
    }

    @Test
    void aFileOverTheLimitIs413BeforeItIsReadSayingTheLimit() throws Exception {
        // a 30 MB file announced (the limit is 20 MB), a few bytes of it sent: the answer comes before the rest is read
        try (var socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/admin/imports?dryRun=true HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Fixtures.token("demo-programme") + "\r\nContent-Type: text/csv\r\nContent-Length: " + (30L * 1024 * 1024)
                    + "\r\n\r\nleader_external_id,name,home_area\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            var status = answer.readLine();
            assertTrue(status.startsWith("HTTP/1.1 413"), status);
            var head = new StringBuilder();
            for (var line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                head.append(line.toLowerCase()).append('\n');
            }
            assertTrue(head.toString().contains("content-type: application/problem+json"), head.toString());
        }
    }

    @Test
    void onlyProgrammeStaffAndAdminsImport() {
        for (var account : List.of("demo-leader", "demo-commissioner")) {
            given().header("Authorization", Fixtures.bearer(Fixtures.token(account))).contentType("text/csv").body(HEADER)
                    .when().post("/api/admin/imports?dryRun=true").then().statusCode(403);
        }
        given().header("Authorization", "Bearer nonsense").contentType("text/csv").body(HEADER)
                .when().post("/api/admin/imports?dryRun=true").then().statusCode(401);
    }

    @Test
    void aJobThatIsNoImportIsNotFoundAmongImports() {
        var reindex = Fixtures.reindex(Duration.ofSeconds(120));
        given().when().get("/api/admin/imports/" + reindex.getLong("id")).then().statusCode(404);
        given().when().get("/api/admin/imports?size=5").then().statusCode(200).body("items.kind", Matchers.everyItem(equalTo("import")));
    }

    private static void assertProblem(String csv, Integer row, String message) {
        var report = post(csv, "dryRun=true").jsonPath();
        assertEquals(false, report.getBoolean("valid"), report.prettify());
        var problems = report.getList("problems", Map.class);
        assertTrue(problems.stream().anyMatch(q -> Objects.equals(row, q.get("row")) && String.valueOf(q.get("message")).contains(message)),
                csv + " -> " + problems);
        var refused = post(csv, "");
        assertEquals(400, refused.statusCode(), refused.asString());
        refused.response().then().body("detail", containsString("nothing was imported"));
    }
}
