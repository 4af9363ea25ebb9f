package org.joinedup.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/joinedup reindex}, the operator's command (docs/operations.md), run as an operator runs it
 * against this test's service: it starts the rebuild, follows the job and exits 0 only when it succeeded.
 */
@QuarkusTest
class ReindexCommandTest {

    @Test
    void anAdminRebuildsTheIndexAndTheCommandSaysItIsInStep() throws Exception {
        var run = run(Map.of("JOINEDUP_URL", "http://localhost:" + RestAssured.port, "JOINEDUP_TOKEN", Fixtures.token("demo-admin")));
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("succeeded"), run.output());
        assertTrue(run.output().matches("(?s).*rebuilt: \\S+ is live with \\d+ documents.*check against PostgreSQL: in step.*"), run.output());
    }

    @Test
    void aTokenThatIsNotAnAdminsDoesNotStartARebuildAndTheCommandFails() throws Exception {
        var run = run(Map.of("JOINEDUP_URL", "http://localhost:" + RestAssured.port, "JOINEDUP_TOKEN", Fixtures.token("demo-commissioner")));
        assertNotEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("the rebuild did not start: 403"), run.output());
    }

    @Test
    void noServiceAtTheAddressIsSaidPlainly() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var run = run(Map.of("JOINEDUP_URL", "http://127.0.0.1:" + closed, "JOINEDUP_TOKEN", "any"));
        assertNotEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("no answer from http://127.0.0.1:" + closed), run.output());
    }

    private record Run(int status, String output) {
    }

    private static Run run(Map<String, String> env) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bin/joinedup", "reindex").redirectErrorStream(true);
        process.environment().putAll(env);
        var started = process.start();
        if (!started.waitFor(3, TimeUnit.MINUTES)) {
            started.destroyForcibly();
            throw new AssertionError("bin/joinedup reindex still running after 3 minutes");
        }
        return new Run(started.exitValue(), new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
