package org.waypoint.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-number suppression for a table of counts with its totals, so that no published figure can
 * single out a person.
 * <ul>
 *   <li>Primary: a count from 1 to 4 is {@link Visibility#FEWER_THAN_FIVE}. Zero is shown.</li>
 *   <li>Secondary: every total is an equation (a row's cells add up to the row total, a column's to
 *   the column total). An equation with exactly one hidden figure would give it away, so one more of
 *   its figures is {@link Visibility#WITHHELD}: the smallest non-zero cell still shown, or else the
 *   total. This repeats until no equation has exactly one hidden figure, as hiding a figure in one
 *   equation can leave another with one.</li>
 *   <li>A share (percentage) is shown only over at least {@value #MIN_BASE_FOR_SHARE} referrals and
 *   only when neither its count nor its base is hidden ({@link #shareShown}).</li>
 * </ul>
 * Rows totals apply when the columns split one whole (each referral in one column); column totals when
 * the rows do (each referral in one row).
 */
public final class SmallNumbers {

    public static final int MIN_BASE_FOR_SHARE = 10;
    private static final int SMALLEST_SHOWN = 5;

    /** How a figure is published. */
    public enum Visibility {
        SHOWN,
        /** From 1 to 4. */
        FEWER_THAN_FIVE,
        /** Hidden so that a figure fewer than 5 cannot be worked out from the totals. */
        WITHHELD;

        public boolean hidden() {
            return this != SHOWN;
        }
    }

    private SmallNumbers() {
    }

    /**
     * The visibility of every figure of {@code cells} (rows × columns) and of the totals asked for: the
     * answer has one more column when {@code rowTotals} (each row's total, last) and one more row when
     * {@code columnTotals} (each column's total, last; with both, the grand total in the corner).
     */
    public static Visibility[][] suppress(long[][] cells, boolean rowTotals, boolean columnTotals) {
        return suppress(cells, cells.length == 0 ? 0 : cells[0].length, rowTotals, columnTotals);
    }

    /** As {@link #suppress(long[][], boolean, boolean)}, for a table of {@code columns} columns that may have no rows. */
    public static Visibility[][] suppress(long[][] cells, int columns, boolean rowTotals, boolean columnTotals) {
        int rows = cells.length;
        long[][] all = withTotals(cells, rows, columns, rowTotals, columnTotals);
        int allRows = all.length;
        int allColumns = allRows == 0 ? 0 : all[0].length;
        Visibility[][] visibility = new Visibility[allRows][allColumns];
        for (int r = 0; r < allRows; r++) {
            for (int c = 0; c < allColumns; c++) {
                long value = all[r][c];
                visibility[r][c] = value > 0 && value < SMALLEST_SHOWN ? Visibility.FEWER_THAN_FIVE : Visibility.SHOWN;
            }
        }
        List<int[][]> equations = new ArrayList<>();
        if (rowTotals) {
            for (int r = 0; r < allRows; r++) {
                equations.add(line(r, columns, true));
            }
        }
        if (columnTotals) {
            for (int c = 0; c < allColumns; c++) {
                equations.add(line(c, rows, false));
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[][] equation : equations) {
                if (hiddenIn(equation, visibility) == 1) {
                    int[] chosen = partnerFor(equation, all, visibility);
                    visibility[chosen[0]][chosen[1]] = Visibility.WITHHELD;
                    changed = true;
                }
            }
        }
        return visibility;
    }

    /** Whether a share of {@code base} may be shown, given how its count and its base are published. */
    public static boolean shareShown(long base, Visibility count, Visibility baseVisibility) {
        return base >= MIN_BASE_FOR_SHARE && !count.hidden() && !baseVisibility.hidden();
    }

    private static long[][] withTotals(long[][] cells, int rows, int columns, boolean rowTotals, boolean columnTotals) {
        long[][] all = new long[rows + (columnTotals ? 1 : 0)][columns + (rowTotals ? 1 : 0)];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != columns) {
                throw new IllegalArgumentException("every row has as many cells as the first");
            }
            for (int c = 0; c < columns; c++) {
                if (cells[r][c] < 0) {
                    throw new IllegalArgumentException("counts are never negative");
                }
                all[r][c] = cells[r][c];
                if (rowTotals) {
                    all[r][columns] += cells[r][c];
                }
                if (columnTotals) {
                    all[rows][c] += cells[r][c];
                }
                if (rowTotals && columnTotals) {
                    all[rows][columns] += cells[r][c];
                }
            }
        }
        return all;
    }

    /** The figures of one equation, its total last: row {@code index}'s cells, or column {@code index}'s. */
    private static int[][] line(int index, int parts, boolean row) {
        int[][] positions = new int[parts + 1][];
        for (int i = 0; i <= parts; i++) {
            positions[i] = row ? new int[] {index, i} : new int[] {i, index};
        }
        return positions;
    }

    private static int hiddenIn(int[][] equation, Visibility[][] visibility) {
        int hidden = 0;
        for (int[] at : equation) {
            if (visibility[at[0]][at[1]].hidden()) {
                hidden++;
            }
        }
        return hidden;
    }

    private static int[] partnerFor(int[][] equation, long[][] all, Visibility[][] visibility) {
        int[] best = null;
        for (int i = 0; i < equation.length - 1; i++) {
            int[] at = equation[i];
            long value = all[at[0]][at[1]];
            if (!visibility[at[0]][at[1]].hidden() && value > 0 && (best == null || value < all[best[0]][best[1]])) {
                best = at;
            }
        }
        if (best != null) {
            return best;
        }
        int[] total = equation[equation.length - 1];
        if (!visibility[total[0]][total[1]].hidden()) {
            return total;
        }
        for (int[] at : equation) {
            if (!visibility[at[0]][at[1]].hidden()) {
                return at;
            }
        }
        throw new IllegalStateException("an equation with one hidden figure has another");
    }
}
