package org.waypoint.core.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.report.SmallNumbers.Visibility;

/**
 * One figure of a report as published: its columns (by code), and rows of cells already suppressed.
 * The page's table, its chart and its CSV are all drawn from this one value, so they cannot disagree.
 * The first {@link #chartColumns} columns are the counts the chart draws.
 */
public record ReportTable(String id, List<String> columns, List<Row> rows, int chartColumns) {

    public ReportTable {
        Objects.requireNonNull(id);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("every row has a cell for every column");
            }
        }
    }

    /** What a row's label is: a name as stored, a month (ISO {@code 2026-10}), a code, or the totals. */
    public enum LabelKind {
        NAME,
        MONTH,
        CODE,
        TOTAL
    }

    public record Row(String label, LabelKind kind, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** One published figure. */
    public sealed interface Cell permits Count, Share, Hours, Text {
    }

    /** A count and whether it may be shown. */
    public record Count(long value, Visibility visibility) implements Cell {
        /** The number, when it may be shown. */
        public Optional<Long> shown() {
            return visibility.hidden() ? Optional.empty() : Optional.of(value);
        }
    }

    /** A percentage, when it may be shown. */
    public record Share(Optional<Double> percent) implements Cell {
    }

    /** A time in working hours, when it may be shown. */
    public record Hours(Optional<Double> hours) implements Cell {
    }

    /** A fact that is not a count, by code (a service's stated capacity). */
    public record Text(String code, Optional<Integer> number) implements Cell {
    }
}
