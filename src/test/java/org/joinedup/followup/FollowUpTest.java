package org.joinedup.followup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;
import org.joinedup.security.Account;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups of completed mentorships: asked once at 3 and 6 months (one mail each, however often
 * and however many copies run the pass), answered once by the learner alone; an answer can start a
 * draft record that nobody else sees until it is published; the mentor's track record counts it all.
 */
@QuarkusTest
class FollowUpTest {

    private static final String PASSWORD = "a-test-password-long-enough";
    private static final Map<String, Object> TEST_PLACE = Map.of("country", "NZ", "place", "Follow Bay", "latitude", -44.0, "longitude", 171.0);

    @Inject
    FollowUpService followUps;

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    /** A leader with an account; address null for an account without one. */
    record Person(long leaderId, String username, String bearer, String address) {
    }

    /** A completed mentorship between a new learner and the given mentor. */
    record Completed(long mentorship, Person learner, Instant completedAt) {
    }

    private static Person person(String name, boolean mentor, String address) {
        var leader = Fixtures.leader(name);
        leader.put("organisation", Fixtures.organisation(name + " Org"));
        leader.put("mentoring", mentor ? Map.of("willing", true, "capacity", 3, "formats", List.of(), "trained", false)
                : Map.of("willing", false, "capacity", 0, "formats", List.of(), "trained", false));
        long id = Fixtures.createLeader(leader);
        if (mentor) {
            var work = Fixtures.record(name + " work");
            work.put("services", List.of("gp", "social-care"));
            work.put("areas", List.of(TEST_PLACE));
            work.put("outcomes", List.of());
            work.put("approaches", List.of());
            work.remove("programme");
            Fixtures.createRecord(id, work);
        }
        var username = "follow-" + id + "-" + System.nanoTime();
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of(Roles.LEADER), "leaderId", id))
                .when().post("/api/admin/accounts").then().statusCode(201);
        if (address != null) {
            QuarkusTransaction.requiringNew().run(() -> Account.byUsername(username).orElseThrow().email = address);
        }
        return new Person(id, username, Fixtures.bearer(Fixtures.token(username, PASSWORD)), address);
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@example.org";
    }

    private static Completed complete(Person mentor, Person learner) {
        var request = new HashMap<String, Object>();
        request.put("learnerId", learner.leaderId());
        request.put("area", "E10000024");
        request.put("services", List.of("gp"));
        request.put("approaches", List.of());
        request.put("need", "Wants to learn");
        long requestId = given().contentType(ContentType.JSON).body(request).when().post("/api/learning-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        long id = given().contentType(ContentType.JSON).body(Map.of("requestId", requestId, "mentorId", mentor.leaderId()))
                .when().post("/api/mentorships").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", mentor.bearer()).when().post("/api/mentorships/" + id + "/accept").then().statusCode(200);
        given().header("Authorization", mentor.bearer()).when().post("/api/mentorships/" + id + "/start").then().statusCode(200);
        var completedAt = Instant.parse(given().header("Authorization", mentor.bearer()).contentType(ContentType.JSON).body("{}").when().post("/api/mentorships/" + id + "/complete")
                .then().statusCode(200).extract().jsonPath().getString("completedAt"));
        return new Completed(id, learner, completedAt);
    }

    private static Completed completed(String name) {
        return complete(person(name + " Mentor", true, null), person(name + " Learner", false, address(name.toLowerCase())));
    }

    private static Instant monthsAfter(Instant t, int months, int days) {
        return t.atOffset(ZoneOffset.UTC).plusMonths(months).plusDays(days).toInstant();
    }

    private static List<QueuedMail> followUpMail(Person learner) {
        return QueuedMail.to(learner.address(), MailKind.FOLLOW_UP);
    }

    private static List<Map<String, Object>> mine(Person learner) {
        return given().header("Authorization", learner.bearer()).when().get("/api/me/follow-ups").then().statusCode(200)
                .extract().jsonPath().getList("", Map.class).stream().map(m -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = m;
                    return typed;
                }).toList();
    }

    private static long followUpId(Person learner, long mentorship, int months) {
        return mine(learner).stream().filter(f -> ((Number) f.get("mentorshipId")).longValue() == mentorship && ((Number) f.get("months")).intValue() == months)
                .map(f -> ((Number) f.get("id")).longValue()).findFirst().orElseThrow(() -> new AssertionError("no " + months + "-month follow-up asked"));
    }

    private static ValidatableResponse answer(String bearer, long id, String whatChanged, boolean recommend, boolean startRecord) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(Map.of("whatChanged", whatChanged, "wouldRecommend", recommend, "startRecord", startRecord))
                .when().put("/api/follow-ups/" + id).then();
    }

    @Test
    void asksOnceAtThreeAndAtSixMonthsAndNotBefore() {
        var done = completed("Asked");
        var learner = done.learner();

        followUps.askDue(monthsAfter(done.completedAt(), 3, -1));
        assertTrue(followUpMail(learner).isEmpty(), "nothing before 3 months");
        assertTrue(mine(learner).isEmpty());

        followUps.askDue(monthsAfter(done.completedAt(), 3, 1));
        followUps.askDue(monthsAfter(done.completedAt(), 3, 2));
        var mails = followUpMail(learner);
        assertEquals(1, mails.size(), mails.toString());
        assertEquals("mentorship-" + done.mentorship() + "-follow-up-3m", mails.get(0).eventKey());
        assertEquals(learner.address(), mails.get(0).address());
        assertTrue(mails.get(0).subject().contains("What changed"), mails.get(0).subject());
        assertTrue(mails.get(0).reason().contains("3 and 6 months after a mentorship ends"), mails.get(0).reason());
        // a link a mail client can open, to the question on the learner's page; no API wording in mail to a person
        assertTrue(mails.get(0).text().contains("http://localhost:8080/my-work#follow-up-" + followUpId(learner, done.mentorship(), 3)),
                mails.get(0).text());
        assertFalse(mails.get(0).text().contains("/api/"), mails.get(0).text());
        assertFalse(mails.get(0).text().contains("(/my-work)"), mails.get(0).text());

        followUps.askDue(monthsAfter(done.completedAt(), 6, 1));
        followUps.askDue(monthsAfter(done.completedAt(), 6, 1));
        assertEquals(List.of("mentorship-" + done.mentorship() + "-follow-up-3m", "mentorship-" + done.mentorship() + "-follow-up-6m"),
                followUpMail(learner).stream().map(QueuedMail::eventKey).toList());
        assertEquals(2, mine(learner).size());
    }

    @Test
    void eightPassesAtOnceQueueEachMailOnce() throws Exception {
        var done = completed("Racing");
        var when = monthsAfter(done.completedAt(), 6, 1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var passes = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                passes.add(() -> followUps.askDue(when));
            }
            for (var pass : pool.invokeAll(passes)) {
                pass.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of("mentorship-" + done.mentorship() + "-follow-up-3m", "mentorship-" + done.mentorship() + "-follow-up-6m"),
                followUpMail(done.learner()).stream().map(QueuedMail::eventKey).sorted().toList());
    }

    @Test
    void learnersWithoutAddressOrDisabledAreAskedInAppOnly() {
        var mentor = person("Quiet Mentor", true, null);
        var noAddress = complete(mentor, person("No Address Learner", false, null));
        var disabledAddress = address("disabled");
        var disabled = complete(mentor, person("Disabled Learner", false, disabledAddress));
        QuarkusTransaction.requiringNew().run(() -> Account.byUsername(disabled.learner().username()).orElseThrow().disabledAt = Instant.now());

        followUps.askDue(monthsAfter(disabled.completedAt(), 3, 1));
        assertTrue(QueuedMail.to(disabledAddress, MailKind.FOLLOW_UP).isEmpty(), "no follow-up to a disabled account");
        assertEquals(1, mine(noAddress.learner()).size(), "asked in the app all the same");
    }

    @Test
    void onlyTheLearnerAnswersAndOnlyOnce() throws Exception {
        var mentor = person("Answer Mentor", true, null);
        var done = complete(mentor, person("Answer Learner", false, address("answer")));
        var stranger = person("Answer Stranger", false, null);
        followUps.askDue(monthsAfter(done.completedAt(), 3, 1));
        long id = followUpId(done.learner(), done.mentorship(), 3);

        answer(mentor.bearer(), id, "Forged by the mentor", true, false).statusCode(404);
        answer(stranger.bearer(), id, "Forged", true, false).statusCode(404);
        answer(Fixtures.bearer(Fixtures.token("demo-admin")), id, "Staff may not answer for them", true, false).statusCode(403);
        answer(done.learner().bearer(), id, " ", true, false).statusCode(400).body("violations.field", hasItem("whatChanged"));
        answer(done.learner().bearer(), 999_999_999L, "Nothing", true, false).statusCode(404);

        // eight identical answers at once: one is taken, the rest are 409
        var pool = Executors.newFixedThreadPool(8);
        var statuses = new ArrayList<Integer>();
        try {
            var answers = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 8; i++) {
                answers.add(() -> answer(done.learner().bearer(), id, "We run a joint huddle now", true, false).extract().statusCode());
            }
            for (var a : pool.invokeAll(answers)) {
                statuses.add(a.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        answer(done.learner().bearer(), id, "Changed my mind", false, false).statusCode(409);
        given().header("Authorization", done.learner().bearer()).when().get("/api/me/follow-ups").then().statusCode(200)
                .body("find { it.id == " + id + " }.whatChanged", equalTo("We run a joint huddle now"))
                .body("find { it.id == " + id + " }.wouldRecommend", equalTo(true));

        // the 6-month one exists but has not been asked: it cannot be answered yet
        followUps.askDue(monthsAfter(done.completedAt(), 3, 2));
        assertFalse(mine(done.learner()).stream().anyMatch(f -> ((Number) f.get("months")).intValue() == 6));
    }

    @Test
    void aDraftRecordNeverLeaksAndIsPublishedOnceComplete() {
        var mentor = person("Draft Mentor", true, null);
        var done = complete(mentor, person("Draft Learner", false, address("draft")));
        var learner = done.learner();
        var other = person("Draft Onlooker", false, null);
        followUps.askDue(monthsAfter(done.completedAt(), 3, 1));
        long followUp = followUpId(learner, done.mentorship(), 3);
        var marker = "zqdraft" + System.nanoTime();
        long record = answer(learner.bearer(), followUp, "Started " + marker + " huddles", true, true).statusCode(200)
                .extract().jsonPath().getLong("recordId");

        // the learner sees their draft, linked to the mentor
        given().header("Authorization", learner.bearer()).when().get("/api/records/" + record).then().statusCode(200)
                .body("state", equalTo("draft")).body("learnedFrom.leaderId", equalTo((int) mentor.leaderId()))
                .body("learnedFrom.name", equalTo("Draft Mentor")).body("summary", equalTo("Started " + marker + " huddles"));
        // nobody else does: record API, the leader's record list, anonymously too
        given().header("Authorization", other.bearer()).when().get("/api/records/" + record).then().statusCode(404);
        given().header("Authorization", mentor.bearer()).when().get("/api/records/" + record).then().statusCode(404);
        Fixtures.actAnonymously();
        try {
            given().when().get("/api/records/" + record).then().statusCode(404);
            given().when().get("/api/leaders/" + learner.leaderId() + "/records").then().statusCode(200).body("total", equalTo(0));
            // profile page
            var page = given().accept(ContentType.HTML).when().get("/leaders/" + learner.leaderId()).then().statusCode(200).extract().asString();
            assertFalse(page.contains(marker), "draft on the public profile page");
        } finally {
            Fixtures.actAs("demo-admin");
        }
        // not even on the learner's own profile page: it shows what others see
        var own = given().header("Authorization", learner.bearer()).accept(ContentType.HTML).when().get("/leaders/" + learner.leaderId())
                .then().statusCode(200).extract().asString();
        assertFalse(own.contains(marker));
        // search and its CSV export, once the index has caught up with everything
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        given().queryParam("q", marker).when().get("/api/search/leaders").then().statusCode(200).body("total", equalTo(0));
        var csv = given().queryParam("q", marker).when().get("/find/export.csv").then().statusCode(200).extract().asString();
        assertFalse(csv.contains(marker), csv);
        // the mentor's personal data holds nothing of the learner's draft; the learner's own holds it
        var mentorsData = given().header("Authorization", mentor.bearer()).when().get("/api/me/export").then().statusCode(200).extract().asString();
        assertFalse(mentorsData.contains(marker));
        var learnersData = given().header("Authorization", learner.bearer()).when().get("/api/me/export").then().statusCode(200).extract().asString();
        assertTrue(learnersData.contains(marker));
        given().header("Authorization", learner.bearer()).when().get("/api/me/export").then().statusCode(200)
                .body("followUps.find { it.id == " + followUp + " }.whatChanged", equalTo("Started " + marker + " huddles"))
                .body("records.find { it.id == " + record + " }.state", equalTo("draft"));
        // nobody corroborates or verifies a draft
        given().header("Authorization", learner.bearer()).contentType(ContentType.JSON).body(Map.of("organisation", "RK5"))
                .when().post("/api/records/" + record + "/corroboration-requests").then().statusCode(409);
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-programme"))).contentType(ContentType.JSON)
                .body(Map.of("decision", "confirmed", "programme", "pioneer-2013"))
                .when().post("/api/records/" + record + "/verifications").then().statusCode(404);

        // publishing checks what every record needs, all at once
        given().header("Authorization", learner.bearer()).when().post("/api/records/" + record + "/publish").then().statusCode(400)
                .body("violations.field", hasItems("areas", "services", "scope", "role", "periodStart"));
        // the leader completes it; a draft saves half right (one service), and publishing names what is still wrong
        var draft = given().header("Authorization", learner.bearer()).when().get("/api/records/" + record).then().extract().jsonPath();
        var body = Fixtures.record("Huddles learned from my mentor " + marker);
        body.put("services", List.of("gp"));
        body.put("version", draft.getInt("version"));
        int version = given().header("Authorization", learner.bearer()).contentType(ContentType.JSON).body(body)
                .when().put("/api/records/" + record).then().statusCode(200).body("state", equalTo("draft")).extract().jsonPath().getInt("version");
        given().header("Authorization", learner.bearer()).when().post("/api/records/" + record + "/publish").then().statusCode(400)
                .body("violations.field", equalTo(List.of("services")));
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        given().queryParam("q", marker).when().get("/api/search/leaders").then().statusCode(200).body("total", equalTo(0));

        body.put("services", List.of("gp", "social-care"));
        body.put("version", version);
        given().header("Authorization", learner.bearer()).contentType(ContentType.JSON).body(body).when().put("/api/records/" + record)
                .then().statusCode(200);
        // only its leader publishes it
        given().header("Authorization", other.bearer()).when().post("/api/records/" + record + "/publish").then().statusCode(404);
        given().header("Authorization", learner.bearer()).when().post("/api/records/" + record + "/publish").then().statusCode(200)
                .body("state", equalTo("published")).body("learnedFrom.name", equalTo("Draft Mentor"));
        given().header("Authorization", learner.bearer()).when().post("/api/records/" + record + "/publish").then().statusCode(409);

        // now it is everywhere a record is, and the mentor sees it came from them
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        given().queryParam("q", marker).when().get("/api/search/leaders").then().statusCode(200).body("total", equalTo(1))
                .body("hits[0].leader.id", equalTo((int) learner.leaderId()));
        var learnerPage = given().accept(ContentType.HTML).when().get("/leaders/" + learner.leaderId()).then().statusCode(200).extract().asString();
        assertTrue(learnerPage.contains(marker) && learnerPage.contains("Learned from <a href=\"/leaders/" + mentor.leaderId() + "\">Draft Mentor</a>"),
                learnerPage);
        var mentorPage = given().accept(ContentType.HTML).when().get("/leaders/" + mentor.leaderId()).then().statusCode(200).extract().asString();
        assertTrue(mentorPage.contains("Work learned from Draft Mentor") && mentorPage.contains(marker), mentorPage);
        var mentorsWork = given().header("Authorization", mentor.bearer()).accept(ContentType.HTML).when().get("/my-work").then().statusCode(200)
                .extract().asString();
        assertTrue(mentorsWork.contains("Work learned from me") && mentorsWork.contains(marker));
        given().when().get("/api/leaders/" + mentor.leaderId() + "/track-record").then().statusCode(200).body("recordsLearnedFrom", equalTo(1));
    }

    @Test
    void trackRecordCountsMentorshipsAnswersAndIsSearchable() {
        var mentor = person("Track Mentor " + System.nanoTime(), true, null);
        var first = complete(mentor, person("Track Learner One", false, null));
        var second = complete(mentor, person("Track Learner Two", false, null));
        followUps.askDue(monthsAfter(second.completedAt(), 6, 1));
        answer(first.learner().bearer(), followUpId(first.learner(), first.mentorship(), 3), "Joint huddles", true, false).statusCode(200);
        answer(first.learner().bearer(), followUpId(first.learner(), first.mentorship(), 6), "Not much more", false, false).statusCode(200);
        answer(second.learner().bearer(), followUpId(second.learner(), second.mentorship(), 3), "Pooled budget", true, false).statusCode(200);

        given().when().get("/api/leaders/" + mentor.leaderId() + "/track-record").then().statusCode(200)
                .body("mentorshipsCompleted", equalTo(2)).body("followUpsAnswered", equalTo(3)).body("wouldRecommend", equalTo(2))
                .body("recommendation", equalTo("2 of 3 would recommend")).body("hasMentored", equalTo(true))
                .body("recordsLearnedFrom", equalTo(0));
        given().when().get("/api/leaders/" + first.learner().leaderId() + "/track-record").then().statusCode(200)
                .body("mentorshipsCompleted", equalTo(0)).body("recommendation", nullValue()).body("hasMentored", equalTo(false));
        given().when().get("/api/leaders/999999999/track-record").then().statusCode(404);
        var page = given().accept(ContentType.HTML).when().get("/leaders/" + mentor.leaderId()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Completed 2 mentorships; asked after their mentorship, 2 of 3 learners would recommend them"), page);

        // search: the filter and the facet
        Fixtures.awaitIndexInStep(Duration.ofSeconds(30));
        given().queryParam("q", "Track Mentor").queryParam("mentored", "yes").queryParam("size", 100).when().get("/api/search/leaders")
                .then().statusCode(200).body("hits.leader.id", hasItem((int) mentor.leaderId()))
                .body("hits.leader.id", not(hasItem((int) first.learner().leaderId())))
                .body("facets.mentored.find { it.code == 'yes' }.leaders", Matchers.greaterThanOrEqualTo(1))
                .body("facets.mentored.find { it.code == 'yes' }.label", equalTo("Has mentored"));
        given().queryParam("q", "Track Learner").queryParam("mentored", "no").queryParam("size", 100).when().get("/api/search/leaders")
                .then().statusCode(200).body("hits.leader.id", hasItem((int) first.learner().leaderId()))
                .body("hits.leader.id", not(hasItem((int) mentor.leaderId())));
        given().queryParam("mentored", "often").when().get("/api/search/leaders").then().statusCode(400)
                .body("violations[0].field", equalTo("mentored"));
        // with a record filter too, the facet counts leaders among those passing it
        given().queryParam("service", "gp").queryParam("size", 1).when().get("/api/search/leaders").then().statusCode(200)
                .body("facets.mentored.code", hasItem("yes"));
    }
}
