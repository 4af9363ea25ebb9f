package org.joinedup.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import io.quarkus.arc.Arc;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.joinedup.Fixtures;
import org.joinedup.mail.MailKind;
import org.joinedup.mail.QueuedMail;

/** Leaders, invitations and links for the account tests; links are read from the queued mail, as a person would. */
public final class AccountFixtures {

    public static final String PASSWORD = "kestrel-harbour-lantern-9";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    private AccountFixtures() {
    }

    public static RequestSpecification as(String demoAccount) {
        return given().header("Authorization", Fixtures.bearer(Fixtures.token(demoAccount))).contentType(ContentType.JSON);
    }

    /** A new address no other test uses. */
    public static String address(String name) {
        return name + "." + System.nanoTime() + "@example.org";
    }

    public static long leader(String name) {
        return as("demo-admin").body(Fixtures.leader(name)).when().post("/api/leaders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void invite(long leaderId, String email) {
        as("demo-programme").body(Map.of("email", email)).when().post("/api/leaders/" + leaderId + "/invitation").then().statusCode(202);
    }

    /** The token in the newest queued security mail to the address. */
    public static String linkToken(String email) {
        var mails = QueuedMail.to(email, MailKind.SECURITY);
        var text = mails.get(mails.size() - 1).text();
        var matcher = TOKEN.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no link in the mail: " + text);
        }
        return matcher.group(1);
    }

    /** The path and query of the link in the newest mail (/account/claim?token=...). */
    public static String linkPath(String email) {
        var mails = QueuedMail.to(email, MailKind.SECURITY);
        var matcher = Pattern.compile("https?://[^/\\s]+(/account/[a-z]+\\?token=[A-Za-z0-9_-]{43})").matcher(mails.get(mails.size() - 1).text());
        if (!matcher.find()) {
            throw new AssertionError("no link in the mail");
        }
        return matcher.group(1);
    }

    /** A leader invited and claimed at a fresh address: their username (the address). */
    public static String claimedLeader(String name) {
        var email = address(name.toLowerCase().replace(' ', '.'));
        invite(leader(name), email);
        given().contentType(ContentType.JSON).body(Map.of("token", linkToken(email), "password", PASSWORD))
                .when().post("/api/invitations/claim").then().statusCode(201);
        return email;
    }

    /** How many links to the address are open: unused and unexpired. */
    public static long openLinksTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select count(*) from one_time_link where email = :email and used_at is null and expires_at > now()")
                .setParameter("email", email).getSingleResult()).longValue());
    }

    /** Makes every open link to the address run out, as time passing would. */
    public static void expireLinksTo(String email) {
        int changed = QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("update one_time_link set created_at = now() - interval '30 days', expires_at = now() - interval '1 minute' where email = :email")
                .setParameter("email", email).executeUpdate());
        assertEquals(true, changed > 0, "links to expire");
    }

    /** The id of the account with this username (read from the database: the admin list pages at 100). */
    public static long accountId(String username) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select id from account where username = :u").setParameter("u", username).getSingleResult()).longValue());
    }

    /** How many accounts are linked to the leader. */
    public static long accountsOfLeader(long leaderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select count(*) from account where leader_id = :l").setParameter("l", leaderId).getSingleResult()).longValue());
    }

    public static List<QueuedMail> securityMail(String email) {
        return QueuedMail.to(email, MailKind.SECURITY);
    }
}
