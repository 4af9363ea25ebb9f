package org.joinedup.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void keepsTheFirstErrorsWordForWordAndCountsTheRest() {
        var progress = new Progress();
        for (int i = 1; i <= Progress.ERRORS_KEPT + 5; i++) {
            progress.error("error " + i);
        }
        var snapshot = progress.snapshot();
        assertEquals(Progress.ERRORS_KEPT + 5, snapshot.errorCount());
        assertEquals(Progress.ERRORS_KEPT, snapshot.errors().size());
        assertEquals("error 1", snapshot.errors().get(0));
    }

    @Test
    void measuresTheRateFromTheTotalToTheLatestAdvance() throws InterruptedException {
        var progress = new Progress();
        progress.advance(10);
        assertNull(progress.snapshot().rate(), "no rate before there is a total to count towards");
        progress.total(100);
        Thread.sleep(50);
        progress.advance(20);
        var rate = progress.snapshot().rate();
        Thread.sleep(50);
        assertEquals(rate, progress.snapshot().rate(), "time without progress (checking, swapping) does not lower the rate");
        assertTrue(rate > 0 && rate <= 30 / 0.05, "rate " + rate);
        assertEquals(rate, progress.finalSnapshot().rate(), "one stretch of counting: the recent rate is the average");
    }

    @Test
    void aStoppedJobStopsAtItsNextCheck() {
        var progress = new Progress();
        progress.checkStopped();
        progress.stop("the service copy running it was stopped");
        var stopped = assertThrows(CancellationException.class, progress::checkStopped);
        assertEquals("the service copy running it was stopped", stopped.getMessage());
    }

    @Test
    void aTotalCountedAtTheStartGrowsWhenMoreWereDone() {
        var progress = new Progress();
        progress.total(2);
        progress.advance(3);
        assertEquals(3L, progress.snapshot().total());
    }
}
