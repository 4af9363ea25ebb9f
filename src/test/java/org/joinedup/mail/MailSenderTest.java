package org.joinedup.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sender against a real SMTP server (GreenMail behind TestSmtp's gate): sent once, retried, parked, uncertain, dropped. */
@QuarkusTest
class MailSenderTest {

    @Inject
    MailSender sender;

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void aQueuedMailArrivesOnceWithItsTextReasonFooterAndUnsubscribeHeaders() {
        var account = MailFixtures.account("arrives");
        var id = MailFixtures.queue(account, MailKind.INTRODUCTION, "Someone asked to be introduced");
        var mail = Mailbox.awaitOne(account.email());
        assertEquals("Someone asked to be introduced", mail.subject());
        assertTrue(mail.text().contains("Body of Someone asked to be introduced."), mail.text());
        assertTrue(mail.text().contains("Why you got this: You are in a mail test."), mail.text());
        assertTrue(mail.text().contains("http://localhost:8080/account/mail"), mail.text());
        assertEquals("<joinedup-mail-" + id + "@localhost>", mail.messageId());
        var unsubscribe = mail.header("List-Unsubscribe");
        assertTrue(unsubscribe.matches("<http://localhost:8080/mail/unsubscribe\\?token=" + account.id() + "\\.introduction\\.[A-Za-z0-9_-]+>"), unsubscribe);
        assertTrue(mail.text().contains(unsubscribe.substring(1, unsubscribe.length() - 1)), "the footer carries the same link");
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        assertEquals("sent", MailFixtures.awaitRow(id, r -> r.state().equals("sent")).state());
        Mailbox.sleep(2500); // a few more send passes: still one
        assertEquals(1, Mailbox.to(account.email()).size());
        assertEquals(1, MailFixtures.row(id).attempts());
    }

    @Test
    void securityMailHasNoUnsubscribeLinkAndIsSentWhateverThePreference() {
        var account = MailFixtures.account("security");
        MailFixtures.sql("insert into mail_preference (account_id, kind, choice) values (" + account.id() + ", 'security', 'never')");
        MailFixtures.queue(account, MailKind.SECURITY, "Your password was changed");
        var mail = Mailbox.awaitOne(account.email());
        assertNull(mail.header("List-Unsubscribe"));
        assertNull(mail.header("List-Unsubscribe-Post"));
        assertTrue(mail.text().contains("always sent"), mail.text());
        assertTrue(!mail.text().contains("/mail/unsubscribe"), mail.text());
    }

    @Test
    void mailToSomeoneWithoutAnAccountSaysWhyButHasNoPreferenceLinks() {
        var address = "invited-" + System.nanoTime() + "@example.org";
        MailFixtures.queue(null, address, MailKind.SECURITY, "You are invited to JoinedUp");
        var mail = Mailbox.awaitOne(address);
        assertTrue(mail.text().contains("Why you got this: You are in a mail test."), mail.text());
        assertNull(mail.header("List-Unsubscribe"));
    }

    @Test
    void whenTheServerIsDownTheMailIsRetriedWithGrowingWaitsThenDeliveredOnce() {
        var account = MailFixtures.account("down");
        TestSmtp.cut();
        long id;
        try {
            id = MailFixtures.queue(account, MailKind.REMINDER, "Reminder while the server is down");
            var first = MailFixtures.awaitRow(id, r -> r.attempts() >= 1 && r.state().equals("queued"));
            assertTrue(first.lastError().startsWith("no connection to the SMTP server"), first.lastError());
            var second = MailFixtures.awaitRow(id, r -> r.attempts() >= 2 && r.state().equals("queued"));
            assertTrue(second.retryWaitSeconds() >= 1.9 && second.retryWaitSeconds() <= 2.5, "second wait doubles the first: " + second);
            var third = MailFixtures.awaitRow(id, r -> r.attempts() >= 3 && r.state().equals("queued"));
            assertTrue(third.retryWaitSeconds() >= 3.9, "third wait doubles again (to the 4 s cap in tests): " + third);
            assertEquals(0, Mailbox.to(account.email()).size());
        } finally {
            TestSmtp.restore();
        }
        Mailbox.awaitOne(account.email());
        var row = MailFixtures.awaitRow(id, r -> r.state().equals("sent"));
        assertNull(row.lastError());
        Mailbox.sleep(2000);
        assertEquals(1, Mailbox.to(account.email()).size());
    }

    @Test
    void aTemporaryRefusalIsRetriedThenDelivered() {
        var address = "flaky-" + System.nanoTime() + "@example.org";
        var id = MailFixtures.queue(null, address, MailKind.SECURITY, "Flaky server");
        Mailbox.awaitOne(address);
        var row = MailFixtures.awaitRow(id, r -> r.state().equals("sent"));
        assertEquals(3, row.attempts(), "two 451 answers, then accepted");
        assertEquals(0, row.refusals(), "a temporary failure is not a refusal");
        assertEquals(1, Mailbox.to(address).size());
    }

    @Test
    void permanentRefusalsParkTheMailWithTheServersAnswer() {
        var address = "refused-" + System.nanoTime() + "@example.org";
        var id = MailFixtures.queue(null, address, MailKind.SECURITY, "Refused");
        var row = MailFixtures.awaitRow(id, r -> r.state().equals("parked"));
        assertEquals(3, row.refusals());
        assertTrue(row.lastError().startsWith("SMTP 550"), row.lastError());
        Mailbox.sleep(2500);
        assertEquals("parked", MailFixtures.row(id).state(), "parked stays parked");
        assertEquals(3, MailFixtures.row(id).attempts());
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).when().get("/api/admin/mail")
                .then().statusCode(200).body("items.id", hasItem((int) id)).body("counts.parked", Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void aConnectionLostMidSendLeavesTheMailUncertainAndNeverResendsIt() {
        var address = "hangup-" + System.nanoTime() + "@example.org";
        var id = MailFixtures.queue(null, address, MailKind.SECURITY, "Lost mid-send");
        // the closed connection fails the send at once, or (if the client misses the close) the mailer's
        // timeout does (20 s in tests): uncertain either way, never sent twice
        var row = MailFixtures.awaitRow(id, r -> !r.state().equals("queued") && !r.state().equals("sending"), Duration.ofSeconds(45));
        assertEquals("uncertain", row.state());
        assertTrue(row.lastError().startsWith("outcome unknown"), row.lastError());
        Mailbox.sleep(2500);
        assertEquals(1, MailFixtures.row(id).attempts(), "not tried again");
    }

    @Test
    void aClaimPastItsLeaseBecomesUncertainAndIsNotResentUntilAnAdminSaysSo() {
        var account = MailFixtures.account("lease");
        var id = MailFixtures.queue(account, MailKind.REMINDER, "Claimed by a copy that died");
        // as a copy killed between claim and mark leaves it (the background sender may have sent it first: start again then)
        MailFixtures.sql("update mail_outbox set state = 'sending', attempts = 1, claimed_by = 'dead-copy/0', claimed_at = now() - interval '1 hour' where id = "
                + id);
        int before = Mailbox.to(account.email()).size();
        var row = MailFixtures.awaitRow(id, r -> r.state().equals("uncertain"));
        assertTrue(row.lastError().contains("dead-copy/0"), row.lastError());
        Mailbox.sleep(2500);
        assertEquals("uncertain", MailFixtures.row(id).state());
        assertEquals(before, Mailbox.to(account.email()).size(), "never resent by itself");

        var admin = given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin")));
        admin.when().get("/api/admin/mail").then().statusCode(200).body("items.id", hasItem((int) id));
        admin.when().post("/api/admin/mail/" + id + "/resend").then().statusCode(200).body("state", Matchers.equalTo("queued"));
        assertEquals("sent", MailFixtures.awaitRow(id, r -> r.state().equals("sent") || r.state().equals("uncertain")).state(),
                () -> MailFixtures.row(id).lastError());
        Mailbox.await(account.email(), before + 1);
        admin.when().post("/api/admin/mail/" + id + "/resend").then().statusCode(409).contentType("application/problem+json");
        admin.when().post("/api/admin/mail/999999999/resend").then().statusCode(404);
    }

    @Test
    void mailForADisabledAccountIsDroppedWithTheReason() {
        var account = MailFixtures.account("disabled");
        given().header("Authorization", Fixtures.bearer(Fixtures.token("demo-admin"))).when()
                .post("/api/admin/accounts/" + account.id() + "/disable").then().statusCode(200);
        var id = MailFixtures.queue(account, MailKind.INTRODUCTION, "Not for a disabled account");
        var row = MailFixtures.awaitRow(id, r -> r.state().equals("dropped"));
        assertEquals("the account is disabled", row.dropReason());
        assertEquals(0, row.attempts());
        assertEquals(0, Mailbox.to(account.email()).size());
    }

    @Test
    void eightSendersRacingSendEachMailOnce() throws Exception {
        var ids = new ArrayList<Long>();
        var account = MailFixtures.account("race");
        for (int i = 0; i < 60; i++) {
            ids.add(MailFixtures.queue(account, MailKind.REMINDER, "Race " + i));
        }
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<Integer>>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                int sent = 0;
                for (int pass = 0; pass < 3; pass++) {
                    sent += sender.sendPass();
                }
                return sent;
            }));
        }
        start.countDown();
        for (var f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        var rows = new ArrayList<MailFixtures.Row>();
        for (var id : ids) {
            // 'sent', or 'uncertain' when an exchange stalled past quarkus.mailer.timeout: GreenMail, with several
            // connections opening at once, now and then leaves a greeting the client never answers (a standalone
            // check: 4 of 600 sends from 8 threads straight to GreenMail stalled or read a garbled greeting, 0 of
            // 600 to maildev). Either state is final.
            rows.add(MailFixtures.awaitRow(id, r -> r.state().equals("sent") || r.state().equals("uncertain"), Duration.ofSeconds(60)));
        }
        Mailbox.sleep(2500); // a few more send passes: nothing more arrives
        var bySubject = new HashMap<String, Integer>();
        Mailbox.to(account.email()).forEach(m -> bySubject.merge(m.subject(), 1, Integer::sum));
        assertEquals(List.of(), bySubject.entrySet().stream().filter(e -> e.getValue() != 1).toList(), "mails received more than once");
        var uncertain = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (rows.get(i).state().equals("sent")) {
                // a second attempt is allowed (a connection can fail and be retried); a second delivery is not
                assertEquals(1, bySubject.getOrDefault("Race " + i, 0), "sent and received once: " + rows.get(i));
            } else {
                uncertain++;
            }
        }
        // an uncertain mail may or may not have arrived (that is what uncertain means); nothing else arrives
        assertTrue(bySubject.keySet().stream().allMatch(subject -> subject.matches("Race \\d+")), bySubject.keySet().toString());
        assertTrue(uncertain <= 2, uncertain + " of 60 mails left uncertain: more than the test server's rare stall explains");
    }
}
