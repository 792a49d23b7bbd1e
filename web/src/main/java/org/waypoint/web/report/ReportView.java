package org.waypoint.web.report;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.waypoint.core.report.ReportTable;
import org.waypoint.core.report.ReportTable.Cell;
import org.waypoint.core.report.ReportTable.Count;
import org.waypoint.core.report.ReportTable.Hours;
import org.waypoint.core.report.ReportTable.Row;
import org.waypoint.core.report.ReportTable.Share;
import org.waypoint.core.report.ReportTable.Text;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.web.page.Messages;

/**
 * One report table as the page shows it and as its CSV carries it. Each cell has one value; the page
 * writes it for people ("1,204", "57.1%", "fewer than 5") and the CSV plainly ("1204", "57.1", and
 * nothing where a figure is hidden), so the two hold the same numbers by construction.
 */
public final class ReportView {

    static final String BUNDLE = "org.waypoint.web.reports";

    private final ReportTable table;
    private final List<String> columns;
    private final List<ViewRow> rows;

    public ReportView(ReportTable table) {
        this.table = table;
        this.columns = table.columns().stream().map(c -> text("column." + table.id() + "." + c)).toList();
        List<ViewRow> viewRows = new ArrayList<>();
        for (Row row : table.rows()) {
            viewRows.add(new ViewRow(label(row), row.kind() == ReportTable.LabelKind.TOTAL,
                    row.cells().stream().map(ReportView::display).toList(),
                    row.cells().stream().map(ReportView::csv).toList()));
        }
        this.rows = List.copyOf(viewRows);
    }

    static String text(String key, Object... arguments) {
        return Messages.fromBundle(BUNDLE, key, arguments);
    }

    public String getId() {
        return table.id();
    }

    public String getTitle() {
        return text("title." + table.id());
    }

    public String getLead() {
        return text("lead." + table.id());
    }

    /** The heading of the rows' own column: service, month or measure. */
    public String getRowHeader() {
        return text("rowHeader." + table.id());
    }

    public List<String> getColumns() {
        return columns;
    }

    public List<ViewRow> getRows() {
        return rows;
    }

    public ReportTable table() {
        return table;
    }

    /** The chart of this table, as SVG markup. */
    public String getChart() {
        return ReportChart.svg(this);
    }

    /** The CSV file: a header line, then one line a row, exactly the table's cells. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(getRowHeader());
        header.addAll(columns);
        line(out, header);
        for (ViewRow row : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            cells.addAll(row.csv());
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvField(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * A field as RFC 4180 quotes it; a field a spreadsheet would run as a formula (=, +, -, @, tab or
     * carriage return first) is prefixed with an apostrophe, as OWASP advises for CSV injection.
     */
    static String csvField(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !safe.matches("-?[0-9.]+")) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private String label(Row row) {
        return switch (row.kind()) {
            case NAME -> row.label();
            case TOTAL -> text("row.total");
            case MONTH -> java.time.YearMonth.parse(row.label())
                    .format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
            case CODE -> codeLabel(row.label());
        };
    }

    static String codeLabel(String code) {
        try {
            CrimeType.valueOf(code);
            return Messages.text("crime." + code);
        } catch (IllegalArgumentException notACrime) {
            return text("row." + code);
        }
    }

    static String display(Cell cell) {
        if (cell instanceof Count count) {
            return switch (count.visibility()) {
                case SHOWN -> NumberFormat.getIntegerInstance(Locale.UK).format(count.value());
                case FEWER_THAN_FIVE -> text("cell.fewerThanFive");
                case WITHHELD -> text("cell.withheld");
            };
        }
        if (cell instanceof Share share) {
            return share.percent().map(p -> decimal(p) + "%").orElse(text("cell.notShown"));
        }
        if (cell instanceof Hours hours) {
            return hours.hours().map(ReportView::decimal).orElse(text("cell.notShown"));
        }
        return capacity((Text) cell);
    }

    static String csv(Cell cell) {
        if (cell instanceof Count count) {
            return count.shown().map(String::valueOf).orElse("");
        }
        if (cell instanceof Share share) {
            return share.percent().map(ReportView::decimal).orElse("");
        }
        if (cell instanceof Hours hours) {
            return hours.hours().map(ReportView::decimal).orElse("");
        }
        return capacity((Text) cell);
    }

    /** The number a chart draws for a cell: a shown count or time; none when hidden or not a number. */
    static Optional<Double> plotted(Cell cell) {
        if (cell instanceof Count count) {
            return count.shown().map(Long::doubleValue);
        }
        if (cell instanceof Hours hours) {
            return hours.hours();
        }
        return Optional.empty();
    }

    private static String capacity(Text fact) {
        if (fact.code().isEmpty()) {
            return "";
        }
        return fact.number().map(n -> text("capacity." + fact.code() + ".weeks", n)).orElse(text("capacity." + fact.code()));
    }

    private static String decimal(double value) {
        return String.format(Locale.UK, "%.1f", value);
    }

    /** One row: its label, whether it is the totals, its cells as the page shows them and as the CSV holds them. */
    public record ViewRow(String label, boolean total, List<String> cells, List<String> csv) {
    }
}
