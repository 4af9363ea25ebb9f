package org.joinedup.places;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a check: saves /find as the demo data shows it to /tmp/map-weight/LABEL/, to measure the page's
 * weight (docs/benchmarks.md, "The map on /find"). Runs only when asked: -Dprobe.label=LABEL.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "probe.label", matches = "[a-z0-9-]+")
class FindPageWeightProbe {

    @Test
    void save() throws Exception {
        Fixtures.actAnonymously();
        Fixtures.awaitIndexInStep(Duration.ofSeconds(60));
        var dir = Path.of("/tmp/map-weight/" + System.getProperty("probe.label"));
        Files.createDirectories(dir);
        String[][] pages = {{"find", "/find"}, {"find-gp", "/find?q=GP"}, {"find-region", "/find?region=E40000003"}};
        for (var p : pages) {
            Files.writeString(dir.resolve(p[0] + ".html"), given().when().get(p[1]).then().statusCode(200).extract().asString());
        }
    }
}
