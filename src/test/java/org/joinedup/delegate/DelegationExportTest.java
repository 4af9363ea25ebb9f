package org.joinedup.delegate;

import static org.joinedup.delegate.DelegateFixtures.as;
import static org.joinedup.delegate.DelegateFixtures.leader;
import static org.joinedup.delegate.DelegateFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.joinedup.Fixtures;
import org.joinedup.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The personal-data export carries the delegates a leader granted and the delegations their account holds. */
@QuarkusTest
class DelegationExportTest {

    @BeforeAll
    static void noDefaultToken() {
        Fixtures.actAnonymously();
    }

    @Test
    void theExportListsDelegatesGrantedAndDelegationsHeld() {
        long ada = leader("Ada Exporter", "registered");
        var adaAccount = DelegateFixtures.account("ada", Roles.LEADER, ada, false);
        long bo = leader("Bo Helper", "registered");
        var boAccount = DelegateFixtures.account("bo", Roles.LEADER, bo, false);
        var pa = DelegateFixtures.account("pa", Roles.COMMISSIONER, null, false);
        long other = leader("Cy Elsewhere", "registered");
        var otherAccount = DelegateFixtures.account("cy", Roles.LEADER, other, false);
        // Ada makes Bo (a leader himself) and a PA her delegates; Cy makes the PA his, which is none of Ada's or Bo's business
        for (var username : List.of(boAccount, pa)) {
            as(token(adaAccount)).body(Map.of("username", username)).when().post("/api/leaders/" + ada + "/delegates").then().statusCode(201);
        }
        as(token(otherAccount)).body(Map.of("username", pa)).when().post("/api/leaders/" + other + "/delegates").then().statusCode(201);

        var adas = as(token(adaAccount)).when().get("/api/me/export").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(boAccount, pa), adas.getList("delegates.username"));
        assertEquals(List.of(adaAccount, adaAccount), adas.getList("delegates.grantedBy"));
        assertEquals(List.of(), adas.getList("delegations"));

        var bos = as(token(boAccount)).when().get("/api/me/export").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), bos.getList("delegates"));
        assertEquals(List.of((int) ada), bos.getList("delegations.leaderId"));
        assertEquals(List.of("Ada Exporter"), bos.getList("delegations.leaderName"));

        // revoked: gone from both sides' exports
        as(token(adaAccount)).when().delete("/api/leaders/" + ada + "/delegates/" + boAccount).then().statusCode(204);
        assertEquals(List.of(pa), as(token(adaAccount)).when().get("/api/me/export").then().statusCode(200).extract().jsonPath()
                .getList("delegates.username"));
        assertEquals(List.of(), as(token(boAccount)).when().get("/api/me/export").then().statusCode(200).extract().jsonPath()
                .getList("delegations"));
    }
}
