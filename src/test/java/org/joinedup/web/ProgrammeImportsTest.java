package org.joinedup.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Programme staff check a file (its problems in a table), put it right, import it and follow the job. */
@QuarkusTest
class ProgrammeImportsTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @BeforeAll
    static void actAsProgrammeStaff() {
        Fixtures.actAs("demo-programme");
    }

    @Test
    void aFileWithProblemsIsShownAsATableThenTheCorrectedFileIsImportedAndFollowed() throws Exception {
        var p = UUID.randomUUID().toString().substring(0, 8);
        var header = "leader_external_id,name,home_area,record_external_id,title,areas,services,scope,role,period_start\n";
        var bad = Files.createTempFile("pioneers-", ".csv");
        Files.writeString(bad, header + p + "-1,Eve Pagetest,E10000024," + p + "-r1,=cmd,E10000024,gp;hosptal,place,led,2019-01-01\n",
                StandardCharsets.UTF_8);
        browser.signIn("demo-programme");
        browser.go("/programme");
        browser.click("#import-link");
        browser.waitForPath("/programme/import");
        browser.check("import");
        upload(bad);
        browser.click("#check");
        var problems = browser.find("#problems").getText();
        assertTrue(problems.contains("hosptal") && problems.contains("title") && problems.contains("formula"), problems);
        browser.check("import-problems");

        var good = Files.createTempFile("pioneers-", ".csv");
        Files.writeString(good, header + p + "-1,Eve Pagetest,E10000024," + p + "-r1,Joined up care,E10000024,gp;acute,place,led,2019-01-01\n",
                StandardCharsets.UTF_8);
        upload(good);
        browser.click("#check");
        assertTrue(browser.find("#dry-run").getText().contains("create 1 leaders"), browser.find("#dry-run").getText());
        upload(good);
        browser.click("#import");
        browser.waitForPath("/programme/import/jobs/");
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> "succeeded".equals(browser.attributeNow("#job", "data-job-state")));
        assertTrue(browser.find("#job-result").getText().contains("1 created"), browser.find("#job-result").getText());
        browser.check("import-job");
        Files.deleteIfExists(bad);
        Files.deleteIfExists(good);
    }

    private static void upload(Path file) {
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    }

    @Test
    void aLeaderCannotOpenTheImportPage() {
        var session = PagesTest.signIn("demo-leader");
        assertEquals(403, RestAssured.given().cookie("joinedup-session", session).redirects().follow(false)
                .when().get("/programme/import").then().extract().statusCode());
    }
}
