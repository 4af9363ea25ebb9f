package org.joinedup.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AreaStatisticsTest {

    @Inject
    AreaStatistics statistics;

    @Test
    void everyCouncilHasItsFiguresAndThePopulationsAddUpToEngland() {
        assertEquals(153, statistics.all().size());
        // ONS mid-2022, as first published: England's total, and two councils' own rows
        assertEquals(57_106_398L, statistics.all().stream().mapToLong(CouncilFigures::population).sum());
        var nottinghamshire = statistics.find("E10000024").orElseThrow();
        assertEquals(834_822L, nottinghamshire.population());
        var hartlepool = statistics.find("E06000001").orElseThrow();
        assertEquals(20.0, hartlepool.percentAged65Plus());
        assertEquals(35.037, hartlepool.deprivation2019());
        assertEquals(1001.5, hartlepool.densityPerSqKm());
        assertNull(hartlepool.sourceNote());
    }

    @Test
    void derivedFiguresSaySo() {
        assertEquals(28, statistics.all().stream().filter(figures -> figures.sourceNote() != null).count());
        assertEquals(true, statistics.find("E99999999").isEmpty());
        assertEquals(true, statistics.find("E54000008").isEmpty(), "an ICB has no council figures");
    }
}
