package org.joinedup.search.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchHealthTest {

    @BeforeAll
    static void actAsAdmin() {
        Fixtures.actAs("demo-admin");
    }

    @Inject
    ElasticsearchClient client;

    @Inject
    LeaderIndex index;

    @Test
    void readinessIsTheDatabaseAndSearchIsItsOwnGroup() {
        Fixtures.management().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"))
                .body("checks.find { it.name == 'elasticsearch' }", org.hamcrest.Matchers.nullValue());
        Fixtures.management().when().get("/q/health/group/" + SearchHealth.GROUP)
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'elasticsearch' }.data.index", org.hamcrest.Matchers.matchesPattern(alias() + "-v\\d+"));
    }

    @Test
    void theIndexIsCreatedFromTheMappingFileBehindTheAlias() throws Exception {
        var aliases = client.indices().getAlias(a -> a.name(alias()));
        assertEquals(index.liveIndex().orElseThrow(), aliases.result().keySet().iterator().next());
        var mapping = client.indices().getMapping(m -> m.index(alias())).result().values().iterator().next().mappings();
        assertEquals("strict", mapping.dynamic().jsonValue());
        assertEquals(LeaderIndex.mappingVersion(), mapping.meta().get("version").to(Integer.class));
        assertEquals("nested", mapping.properties().get("records")._kind().jsonValue());
    }

    /** The index alias of this test run (test-leaders unless the run names its own). */
    private static String alias() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("joinedup.elasticsearch.index-alias", String.class);
    }
}
