package org.joinedup.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.joinedup.recognition.ResultMethod.Conflict;
import org.joinedup.recognition.ResultMethod.Nominee;
import org.joinedup.recognition.ResultMethod.Placing;
import org.joinedup.recognition.ResultMethod.Sheet;
import org.junit.jupiter.api.Test;

/** The result method against a computation done by hand (docs/recognition.md, "Result"). */
class ResultMethodTest {

    private static final long J1 = 101;
    private static final long J2 = 102;
    private static final long J3 = 103;
    private static final long A = 1;
    private static final long B = 2;
    private static final long C = 3;
    private static final long D = 4;
    private static final long E = 5;
    private static final long F = 6;
    private static final long G = 7;

    /*
     * Two criteria. Judge means (mean of the two criterion scores), then the nominee's mean over the
     * judges counted, and the median of the judge means:
     *
     *   A (1 nomination):  J1 [1,1] conflicted, left out; J2 [4,5] = 4.5; J3 [4,4] = 4   -> 8.5/2  = 4.25,  2 judges, median 4.25
     *   B (1 nomination):  J1 [5,4] = 4.5; J2 [4,4] = 4; J3 [4,4] = 4                     -> 12.5/3 = 4.1667, 3 judges
     *   C (3 nominations): J1 [5,5] = 5;   J2 [3,4] = 3.5                                 -> 8.5/2  = 4.25,  2 judges, median 4.25
     *   D (2 nominations): J1 [4,4] = 4;   J2 [4,4] = 4;   J3 [5,3] = 4                   -> 12/3   = 4,     3 judges, median 4
     *   E (2 nominations): J1 [5,5] = 5;   J2 [3,3] = 3;   J3 [4,4] = 4                   -> 12/3   = 4,     3 judges, median 4
     *   F (1 nomination):  J1 [5,5] = 5;   J2 [5,5] = 5;   J3 [2,2] = 2                   -> 12/3   = 4,     3 judges, median 5
     *   G (1 nomination):  no sheets                                                      -> unscored
     *
     * Order: C and A tie on mean (4.25), judges (2) and median (4.25): C has more nominations, so
     * C 1st, A 2nd. B 3rd (4.1667). F, D and E tie on mean (4) and judges (3): F's median 5 beats 4,
     * so F 4th; D and E tie on everything down to nominations (2 each): the lower leader id, D 5th,
     * E 6th. G last, unscored. selectCount 3 selects C, A, B; rankCount 2 ranks C and A.
     */
    private static final List<Nominee> NOMINEES = List.of(new Nominee(A, 1), new Nominee(B, 1), new Nominee(C, 3), new Nominee(D, 2),
            new Nominee(E, 2), new Nominee(F, 1), new Nominee(G, 1));
    private static final List<Sheet> SHEETS = List.of(
            new Sheet(J1, A, List.of(1, 1)), new Sheet(J2, A, List.of(4, 5)), new Sheet(J3, A, List.of(4, 4)),
            new Sheet(J1, B, List.of(5, 4)), new Sheet(J2, B, List.of(4, 4)), new Sheet(J3, B, List.of(4, 4)),
            new Sheet(J1, C, List.of(5, 5)), new Sheet(J2, C, List.of(3, 4)),
            new Sheet(J1, D, List.of(4, 4)), new Sheet(J2, D, List.of(4, 4)), new Sheet(J3, D, List.of(5, 3)),
            new Sheet(J1, E, List.of(5, 5)), new Sheet(J2, E, List.of(3, 3)), new Sheet(J3, E, List.of(4, 4)),
            new Sheet(J1, F, List.of(5, 5)), new Sheet(J2, F, List.of(5, 5)), new Sheet(J3, F, List.of(2, 2)));

    @Test
    void ordersAsTheHandComputationDoes() {
        var placings = ResultMethod.order(NOMINEES, SHEETS, Set.of(new Conflict(J1, A)), 3, 2);
        assertEquals(List.of(
                new Placing(C, 1, new BigDecimal("4.250"), 2, true, true),
                new Placing(A, 2, new BigDecimal("4.250"), 2, true, true),
                new Placing(B, 3, new BigDecimal("4.167"), 3, true, false),
                new Placing(F, 4, new BigDecimal("4.000"), 3, false, false),
                new Placing(D, 5, new BigDecimal("4.000"), 3, false, false),
                new Placing(E, 6, new BigDecimal("4.000"), 3, false, false),
                new Placing(G, 7, null, 0, false, false)), placings);
    }

    @Test
    void aConflictedJudgesSheetIsLeftOut() {
        // counted, J1's [1,1] would make A (1 + 4.5 + 4) / 3 = 3.1667 with 3 judges
        var withoutConflict = ResultMethod.order(NOMINEES, SHEETS, Set.of(), 3, 2);
        var a = withoutConflict.stream().filter(p -> p.leaderId() == A).findFirst().orElseThrow();
        assertEquals(new BigDecimal("3.167"), a.mean());
        assertEquals(3, a.judgesCounted());
        assertEquals(6, a.position()); // last of the scored; G, unscored, is 7th
    }

    @Test
    void anUnscoredNomineeIsNeverSelectedEvenWithRoomLeft() {
        var placings = ResultMethod.order(NOMINEES, SHEETS, Set.of(new Conflict(J1, A)), 10, 10);
        var g = placings.get(6);
        assertEquals(G, g.leaderId());
        assertEquals(true, g.unscored());
        assertEquals(false, g.selected());
        assertEquals(6, placings.stream().filter(Placing::ranked).count());
    }

    @Test
    void meansThatAreEqualAsFractionsTieExactly() {
        // X: judge means 5/3 (scores 1,2,2) and 13/3 (4,4,5): mean 3; Y: judge means 3 and 3: mean 3.
        // equal means, judges and medians (3 each): the extra nomination puts Y first, the lower id would put X first
        var placings = ResultMethod.order(List.of(new Nominee(10, 1), new Nominee(11, 2)),
                List.of(new Sheet(J1, 10, List.of(1, 2, 2)), new Sheet(J2, 10, List.of(4, 4, 5)),
                        new Sheet(J1, 11, List.of(3, 3, 3)), new Sheet(J2, 11, List.of(2, 3, 4))), Set.of(), 1, 0);
        assertEquals(List.of(11L, 10L), placings.stream().map(Placing::leaderId).toList());
        assertEquals(List.of(true, false), placings.stream().map(Placing::selected).toList());
    }
}
