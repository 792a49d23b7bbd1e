package org.waypoint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.core.report.SmallNumbers.Visibility.FEWER_THAN_FIVE;
import static org.waypoint.core.report.SmallNumbers.Visibility.SHOWN;
import static org.waypoint.core.report.SmallNumbers.Visibility.WITHHELD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waypoint.core.report.SmallNumbers.Visibility;

/**
 * Small numbers, with tables made by hand where a total left alone would give a hidden cell away.
 * Each case also checks the property the rules promise: no row or column is left with exactly one
 * hidden figure, which is what lets a reader subtract.
 */
class SmallNumbersTest {

    @Test
    void countsFromOneToFourAreFewerThanFiveAndZeroAndFiveAreShown() {
        Visibility[][] v = SmallNumbers.suppress(new long[][] {{0}, {1}, {4}, {5}}, false, false);

        assertThat(v).isDeepEqualTo(new Visibility[][] {{SHOWN}, {FEWER_THAN_FIVE}, {FEWER_THAN_FIVE}, {SHOWN}});
    }

    @Test
    void aRowTotalWouldRevealItsOneSmallCellSoTheNextSmallestCellIsWithheld() {
        // Within 12, late 3, waiting 20: total 35. Shown alone, 35 - 12 - 20 = 3 gives "late" away.
        long[][] cells = {{12, 3, 20}};

        Visibility[][] v = SmallNumbers.suppress(cells, true, false);

        assertThat(v[0]).containsExactly(WITHHELD, FEWER_THAN_FIVE, SHOWN, SHOWN);
        assertNoLineWithOneHidden(v, true, false);
    }

    @Test
    void withholdingInOneRowMovesTheProblemIntoAColumnWhichIsSolvedInTurn() {
        // Service A: 12 within, 3 late. Service B: 30 within, 9 late. Totals by row and column.
        // Withholding A's 12 (row A) leaves column "within" with one hidden cell: 42 - 30 = 12, so
        // B's 30 is withheld too; that leaves row B with one, so B's 9 goes; column "late" then
        // has two hidden (3 and 9) and stays.
        long[][] cells = {{12, 3}, {30, 9}};

        Visibility[][] v = SmallNumbers.suppress(cells, true, true);

        assertThat(v[0]).containsExactly(WITHHELD, FEWER_THAN_FIVE, SHOWN);
        assertThat(v[1]).containsExactly(WITHHELD, WITHHELD, SHOWN);
        assertThat(v[2]).containsExactly(SHOWN, SHOWN, SHOWN);
        assertNoLineWithOneHidden(v, true, true);
    }

    @Test
    void aColumnWhoseOnlyOtherFiguresAreZeroHidesItsTotal() {
        // One month with 2 referrals, the others none: the total would be the hidden count itself.
        long[][] cells = {{0}, {2}, {0}};

        Visibility[][] v = SmallNumbers.suppress(cells, false, true);

        assertThat(v[1][0]).isEqualTo(FEWER_THAN_FIVE);
        assertThat(v[3][0]).isEqualTo(FEWER_THAN_FIVE);
        assertThat(v[0][0]).isEqualTo(SHOWN);
        assertNoLineWithOneHidden(v, false, true);
    }

    @Test
    void aLargerTableEndsWithEveryRowAndColumnSafe() {
        long[][] cells = {{40, 2, 17, 0, 8}, {6, 31, 1, 12, 0}, {0, 0, 0, 0, 3}, {25, 9, 14, 7, 50}};

        Visibility[][] v = SmallNumbers.suppress(cells, true, true);

        assertThat(v[0][1]).isEqualTo(FEWER_THAN_FIVE);
        assertThat(v[1][2]).isEqualTo(FEWER_THAN_FIVE);
        assertThat(v[2][4]).isEqualTo(FEWER_THAN_FIVE);
        assertThat(v[2][5]).as("row 3's total is its one count").isEqualTo(FEWER_THAN_FIVE);
        assertNoLineWithOneHidden(v, true, true);
        assertThat(hiddenCount(v)).as("no more hidden than needed").isLessThanOrEqualTo(10);
    }

    @Test
    void aShareIsShownOverTenOrMoreReferralsWhenNeitherFigureIsHidden() {
        assertThat(SmallNumbers.shareShown(9, SHOWN, SHOWN)).isFalse();
        assertThat(SmallNumbers.shareShown(10, SHOWN, SHOWN)).isTrue();
        assertThat(SmallNumbers.shareShown(40, FEWER_THAN_FIVE, SHOWN)).isFalse();
        assertThat(SmallNumbers.shareShown(40, SHOWN, WITHHELD)).isFalse();
    }

    private static void assertNoLineWithOneHidden(Visibility[][] v, boolean rowTotals, boolean columnTotals) {
        List<String> unsafe = new ArrayList<>();
        if (rowTotals) {
            for (int r = 0; r < v.length; r++) {
                int hidden = 0;
                for (Visibility cell : v[r]) {
                    hidden += cell.hidden() ? 1 : 0;
                }
                if (hidden == 1) {
                    unsafe.add("row " + r);
                }
            }
        }
        if (columnTotals) {
            for (int c = 0; c < v[0].length; c++) {
                int hidden = 0;
                for (Visibility[] row : v) {
                    hidden += row[c].hidden() ? 1 : 0;
                }
                if (hidden == 1) {
                    unsafe.add("column " + c);
                }
            }
        }
        assertThat(unsafe).as("lines with exactly one hidden figure").isEmpty();
    }

    private static long hiddenCount(Visibility[][] v) {
        long hidden = 0;
        for (Visibility[] row : v) {
            for (Visibility cell : row) {
                hidden += cell.hidden() ? 1 : 0;
            }
        }
        return hidden;
    }
}
