package org.joinedup.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The hostile inputs issue 12 names one by one, each with the answer it must get. Run after the
 * random fuzzing and its before/after comparison, since a few of them need data of their own.
 */
final class BadInputCases {

    private static final String MARKER = "<script>alert('drill6')</script>";
    private static final String PASSWORD = "drill-six-password-long-enough";

    private final Api admin;
    private final List<String> findings = new ArrayList<>();

    BadInputCases(Api admin) {
        this.admin = admin;
    }

    /** What went wrong, one line each; empty when every case got the answer it must. */
    List<String> run() throws Exception {
        // a leader of the drill's own, signed in as themself (the demo leaders may have accounts already)
        long own = admin.send("POST", "/api/leaders", Payloads.leader("Drill Six Own")).json().path("id").asLong();
        long other = admin.get("/api/leaders?size=1").json().path("items").get(0).path("id").asLong();
        var leader = leaderSignedIn(own);

        pagingOverflow();
        hugeOutcomeNumber(own);
        unknownOrganisations(own);
        forgedEndorsement(other);
        someoneElsesIds(leader, other);
        accountOrganisation(leader);
        formulaCellsInCsv();
        flashMessagesAreNotEchoed(leader);
        cookieWithoutCsrfToken(leader);
        checkDoesNotWrite();
        staleToken();
        eightLearningRequestsAtOnce(leader, own);
        eightGuessesAtOnce();
        return findings;
    }

    private void pagingOverflow() {
        for (var path : List.of("/api/leaders?page=30000000&size=100", "/api/search/leaders?page=30000000&size=100")) {
            expectProblem(admin.get(path), 400, "paging overflow " + path);
        }
    }

    private void hugeOutcomeNumber(long leaderId) {
        var record = Payloads.record("Drill six huge outcome");
        record.put("outcomes", List.of(Map.of("metric", "non-elective-admissions", "description", "Huge",
                "baseline", new BigDecimal("1e400"), "result", 99999999999999999999999.0, "unit", "index", "period", "2014-2017")));
        expectProblem(admin.send("POST", "/api/leaders/" + leaderId + "/records", record), 400, "huge outcome number");
    }

    /** An organisation code that names none is a 400 naming the field and writes nothing; an organisation named only "NHS" is refused. */
    private void unknownOrganisations(long leaderId) {
        int before = admin.get("/api/leaders/" + leaderId + "/records").json().path("total").asInt();
        var record = Payloads.record("Drill six unknown partner");
        record.put("partnerOrganisations", List.of("ZZZ99"));
        var answer = admin.send("POST", "/api/leaders/" + leaderId + "/records", record);
        expectProblem(answer, 400, "unknown partner code");
        if (!"partnerOrganisations[0]".equals(answer.json().path("violations").path(0).path("field").asText())) {
            findings.add("unknown partner code: the problem does not name partnerOrganisations[0]");
        }
        if (admin.get("/api/leaders/" + leaderId + "/records").json().path("total").asInt() != before) {
            findings.add("unknown partner code: a record was written");
        }
        var leader = Payloads.leader("Drill Six Unknown Organisation");
        leader.put("organisation", "ZZZ99");
        expectProblem(admin.send("POST", "/api/leaders", leader), 400, "unknown leader organisation code");
        expectProblem(admin.send("POST", "/api/organisations", Map.of("name", "NHS Foundation Trust")), 400, "organisation named only by noise words");
    }

    /** Fields a client may not set (who endorsed, when, which account, a verified level) are refused, not taken. */
    private void forgedEndorsement(long leaderId) {
        var recordId = firstRecordOf(leaderId);
        var forged = Map.of("kind", "endorsement", "endorserName", "Drill Six", "endorserOrganisation", "Drill Six Trust",
                "accountId", 1, "createdAt", "2000-01-01T00:00:00Z", "verification", "verified");
        expectProblem(admin.send("POST", "/api/records/" + recordId + "/endorsements", forged), 400, "forged endorsement body");
        var forgedVerification = Map.of("programme", "pioneer-2013", "decision", "confirmed", "endorserName", "Drill Six");
        expectProblem(admin.send("POST", "/api/records/" + recordId + "/verifications", forgedVerification), 400, "forged verification body");
        expectProblem(admin.send("POST", "/api/records/" + recordId + "/corroboration-requests", Map.of("organisation", "NOT-A-PARTNER")),
                400, "corroboration asked of a non-partner");
    }

    private void someoneElsesIds(Api leader, long other) {
        var otherRecord = firstRecordOf(other);
        var edit = Payloads.leader("Drill Six Takeover");
        edit.put("version", 0);
        expectRefused(leader.send("PUT", "/api/leaders/" + other, edit), "PUT someone else's leader");
        expectRefused(leader.send("POST", "/api/leaders/" + other + "/records", Payloads.record("Drill six not mine")),
                "POST a record on someone else's leader");
        expectRefused(leader.send("DELETE", "/api/records/" + otherRecord, null), "DELETE someone else's record");
        expectRefused(leader.send("DELETE", "/api/leaders/" + other, null), "DELETE someone else's leader");
    }

    /** Only admins and programme staff set an account's organisation, and only to a known code. */
    private void accountOrganisation(Api leader) {
        var body = Map.of("username", "drill6-org-" + System.nanoTime(), "password", PASSWORD, "roles", List.of("commissioner"));
        var withUnknown = new HashMap<String, Object>(body);
        withUnknown.put("organisation", "NOPE1");
        expectProblem(admin.send("POST", "/api/admin/accounts", withUnknown), 400, "account with an unknown organisation code");
        long id = admin.send("POST", "/api/admin/accounts", body).json().path("id").asLong();
        expectProblem(leader.send("PUT", "/api/accounts/" + id + "/organisation", Map.of("organisation", "RK5")), 403,
                "a leader setting an account's organisation");
        expectProblem(admin.send("PUT", "/api/accounts/" + id + "/organisation", Map.of("organisation", "NOPE1")), 400,
                "an unknown organisation code for an account");
    }

    /** A cell starting with a tab or carriage return before = is still a formula to some spreadsheets. */
    private void formulaCellsInCsv() {
        var names = List.of("\t=HYPERLINK(\"http://x\")", "\r=1+2", "=cmd|' /C calc'!A0", "@SUM(1)");
        for (var name : names) {
            var leader = Payloads.leader(name + " Drillsix");
            var created = admin.send("POST", "/api/leaders", leader);
            if (created.status() >= 500) {
                findings.add("leader named " + printable(name) + " answered " + created.status());
            }
        }
        var csv = admin.get("/find/export.csv?q=Drillsix");
        if (csv.status() != 200) {
            findings.add("CSV export answered " + csv.status());
            return;
        }
        for (var line : csv.body().split("\n")) {
            for (var cell : line.split(",")) {
                var value = cell.startsWith("\"") ? cell.substring(1) : cell;
                if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                    findings.add("CSV cell could run as a formula: " + printable(cell));
                }
            }
        }
    }

    private void flashMessagesAreNotEchoed(Api leader) {
        var done = "?done=" + URLEncoder.encode(MARKER, StandardCharsets.UTF_8);
        var leaderPage = leader.get("/my-work" + done);
        var programmePage = admin.get("/programme" + done);
        for (var answer : List.of(leaderPage, programmePage)) {
            // the marker's call, escaped or not (the page names the signed-in drill6-... account, so not "drill6" alone)
            if (answer.status() >= 500 || answer.body().contains("alert(")) {
                findings.add("?done= text shown on the page (status " + answer.status() + ")");
            }
        }
    }

    /** A call signed in by the session cookie, as a cross-site form would make, without the page's token. */
    private void cookieWithoutCsrfToken(Api leader) {
        expectProblem(leader.bySessionCookie().send("POST", "/api/introductions/999999999/accept", null), 403,
                "bodyless POST by session cookie without X-CSRF-Token");
    }

    /** The search check only reads; asking it to fix is refused, fixing is a POST of its own. */
    private void checkDoesNotWrite() {
        expectProblem(admin.get("/api/admin/search/check?fix=true"), 400, "GET /api/admin/search/check?fix=true");
    }

    /** A token from before "sign out everywhere" is refused at once. */
    private void staleToken() {
        var account = account("drill6-stale", "commissioner");
        var token = Api.signIn(admin.base, account, PASSWORD);
        var second = Api.signIn(admin.base, account, PASSWORD);
        if (second.send("POST", "/api/auth/sign-out-everywhere", null).status() != 204) {
            findings.add("sign out everywhere did not answer 204");
        }
        expectProblem(token.get("/api/me"), 401, "a token from before sign-out-everywhere");
    }

    /** Eight learning requests at once by one learner: never more open than the cap, the rest refused cleanly. */
    private void eightLearningRequestsAtOnce(Api leader, long learnerId) throws Exception {
        var open = leader.get("/api/learning-requests?size=100").json().path("items");
        var body = Map.of("learnerId", learnerId, "area", "E10000024", "services", List.of("gp", "social-care"),
                "approaches", List.of("integrated-teams"), "scope", "place", "formats", List.of("calls"), "need", "Drill six, eight at once");
        var answers = atOnce(8, () -> leader.send("POST", "/api/learning-requests", body));
        long created = answers.stream().filter(a -> a.status() == 201).count();
        answers.stream().filter(a -> a.status() != 201 && (a.status() != 409 || !a.isProblem()))
                .forEach(a -> findings.add("eight learning requests at once: " + a.status() + " " + a.body()));
        var after = leader.get("/api/learning-requests?size=100").json().path("items");
        long stillOpen = 0;
        for (var request : after) {
            stillOpen += "open".equals(request.path("status").asText()) ? 1 : 0;
        }
        if (stillOpen > 5 || created > 5) {
            findings.add("eight learning requests at once: " + created + " created, " + stillOpen + " open (had " + open.size() + "), cap 5");
        }
    }

    /** Eight wrong passwords at once: at most five are checked, the rest wait (429), none slips past the count. */
    private void eightGuessesAtOnce() throws Exception {
        var account = account("drill6-guessed", "commissioner");
        var anonymous = new Api(admin.base, null);
        var answers = atOnce(8, () -> anonymous.send("POST", "/api/auth/token", Map.of("username", account, "password", "wrong guess")));
        long checked = answers.stream().filter(a -> a.status() == 401).count();
        answers.stream().filter(a -> !(a.status() == 401 || a.status() == 429) || !a.isProblem())
                .forEach(a -> findings.add("eight guesses at once: " + a.status() + " " + a.body()));
        if (checked > 5) {
            findings.add("eight guesses at once: " + checked + " passwords checked, at most 5 may be");
        }
    }

    private static List<Api.Answer> atOnce(int times, Callable<Api.Answer> call) throws Exception {
        var barrier = new CyclicBarrier(times);
        var pool = Executors.newFixedThreadPool(times);
        try {
            var futures = new ArrayList<Future<Api.Answer>>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return call.call();
                }));
            }
            var answers = new ArrayList<Api.Answer>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String account(String prefix, String role) {
        var username = prefix + "-" + System.nanoTime();
        var created = admin.send("POST", "/api/admin/accounts", Map.of("username", username, "password", PASSWORD, "roles", List.of(role)));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create an account: " + created.status() + " " + created.body());
        }
        return username;
    }

    private Api leaderSignedIn(long leaderId) {
        var username = "drill6-leader-" + System.nanoTime();
        var created = admin.send("POST", "/api/admin/accounts",
                Map.of("username", username, "password", PASSWORD, "roles", List.of("leader"), "leaderId", leaderId));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create a leader account: " + created.status() + " " + created.body());
        }
        return Api.signIn(admin.base, username, PASSWORD);
    }

    private long firstRecordOf(long leaderId) {
        JsonNode records = admin.get("/api/leaders/" + leaderId + "/records").json();
        var list = records.isArray() ? records : records.path("items");
        if (list.isEmpty()) {
            return admin.send("POST", "/api/leaders/" + leaderId + "/records", Payloads.record("Drill six record")).json().path("id").asLong();
        }
        return list.get(0).path("id").asLong();
    }

    private void expectProblem(Api.Answer answer, int status, String what) {
        if (answer.status() != status || !answer.isProblem()) {
            findings.add(what + ": " + answer.status() + " " + answer.contentType() + ", expected " + status + " problem+json");
        }
    }

    private void expectRefused(Api.Answer answer, String what) {
        if (!(answer.status() == 403 || answer.status() == 404) || !answer.isProblem()) {
            findings.add(what + ": " + answer.status() + ", expected 403 or 404 problem+json");
        }
    }

    private static String printable(String text) {
        return text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
