package org.joinedup.delegate;

import static org.hamcrest.Matchers.equalTo;
import static org.joinedup.delegate.DelegateFixtures.admin;
import static org.joinedup.delegate.DelegateFixtures.as;
import static org.joinedup.delegate.DelegateFixtures.leader;
import static org.joinedup.delegate.DelegateFixtures.profile;
import static org.joinedup.delegate.DelegateFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit list's actor filter finds what an account did for the leaders it is a delegate of, and nobody else's. */
@QuarkusTest
class AuditActorFilterTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    private static String accountNamed(String username) {
        as(admin()).body(Map.of("username", username, "password", DelegateFixtures.PASSWORD, "roles", List.of(Roles.COMMISSIONER),
                "fullName", "Ann Filter")).when().post("/api/admin/accounts").then().statusCode(201);
        return username;
    }

    private static List<String> actorsFound(String actor) {
        return as(admin()).queryParam("actor", actor).queryParam("size", 100).when().get("/api/admin/audit").then().statusCode(200)
                .extract().jsonPath().getList("items.actor", String.class);
    }

    @Test
    void filteringByAUsernameFindsItsDelegatedWorkButNotLongerNames() {
        long leaderId = leader("Lena Filter", "registered");
        var leaderAccount = DelegateFixtures.account("lena", Roles.LEADER, leaderId, false);
        var ann = accountNamed("ann_" + System.nanoTime());
        var anna = accountNamed(ann + "a");
        for (var delegate : List.of(ann, anna)) {
            as(token(leaderAccount)).body(Map.of("username", delegate)).when().post("/api/leaders/" + leaderId + "/delegates").then().statusCode(201);
        }
        int version = 0;
        for (var delegate : List.of(ann, anna)) {
            var body = profile("Lena Filter", "registered", version++);
            body.put("doingNow", "Written by " + delegate);
            as(token(delegate)).body(body).when().put("/api/leaders/" + leaderId).then().statusCode(200);
        }
        // something each does for themself
        as(token(ann)).body(Map.of("preferences", Map.of("reminder", "weekly"))).when().put("/api/me/mail-preferences").then().statusCode(200);
        as(token(anna)).body(Map.of("preferences", Map.of("reminder", "never"))).when().put("/api/me/mail-preferences").then().statusCode(200);

        var forAnn = new HashSet<>(actorsFound(ann));
        assertEquals(Set.of(ann, ann + " for leader " + leaderId), forAnn, "ann's own work and ann's work for Lena, nothing of anna's");
        assertEquals(Set.of(anna, anna + " for leader " + leaderId), new HashSet<>(actorsFound(anna)));
        // what the delegate did for the leader is found under their name
        as(admin()).queryParam("actor", ann).queryParam("entityType", "leader").queryParam("entityId", leaderId).when().get("/api/admin/audit")
                .then().statusCode(200).body("items[0].actor", equalTo(ann + " for leader " + leaderId))
                .body("items[0].after.doingNow", equalTo("Written by " + ann));
        // the name is matched whole: pattern characters are plain, a prefix finds nothing
        assertTrue(actorsFound(ann.substring(0, ann.length() - 2)).isEmpty());
        assertTrue(actorsFound(ann.substring(0, ann.length() - 2) + "%").isEmpty());
        assertTrue(actorsFound("ann%").isEmpty());
        assertTrue(actorsFound(ann.replace('_', '%') + "%").isEmpty());
    }
}
