package org.joinedup.drills;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/** Drill 6 at reduced size, in every build: bad input never gets a 5xx or a bare error, and changes nothing. */
@QuarkusTest
class BadInputDrillTest {

    @Test
    void thousandsOfHostileRequestsAreRefusedCleanlyAndChangeNothing() throws Exception {
        var base = "http://localhost:" + RestAssured.port;
        var jdbc = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        var drill = new BadInput(Api.signIn(base, "demo-admin", Fixtures.DEMO_PASSWORD),
                Map.of("requests", "1500", "seed", "11", "jdbc", jdbc));
        assertTrue(drill.run(), "see the printed findings above");
    }
}
