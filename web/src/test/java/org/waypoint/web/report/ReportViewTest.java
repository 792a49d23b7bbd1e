package org.waypoint.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.waypoint.core.report.ReportTable;
import org.waypoint.core.report.ReportTable.Count;
import org.waypoint.core.report.ReportTable.LabelKind;
import org.waypoint.core.report.ReportTable.Row;
import org.waypoint.core.report.ReportTable.Share;
import org.waypoint.core.report.SmallNumbers;
import org.waypoint.core.report.SmallNumbers.Visibility;

/** The table the page shows, its CSV and its chart are one figure: same cells, hidden ones blank, names escaped. */
class ReportViewTest {

    private static final String NAME = "<b>Harbour</b> & \"Sons\", =SUM(A1)";

    private final ReportView view = new ReportView(table());

    private static ReportTable table() {
        long[][] cells = {{1204, 3}, {7, 0}};
        Visibility[][] v = SmallNumbers.suppress(cells, 2, false, true);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(NAME, LabelKind.NAME, List.of(new Count(1204, v[0][0]), new Count(3, v[0][1]),
                new Share(Optional.of(57.1)))));
        rows.add(new Row("Beacon", LabelKind.NAME, List.of(new Count(7, v[1][0]), new Count(0, v[1][1]),
                new Share(Optional.empty()))));
        rows.add(new Row("total", LabelKind.TOTAL, List.of(new Count(1211, v[2][0]), new Count(3, v[2][1]),
                new Share(Optional.empty()))));
        return new ReportTable("timeliness", List.of("within", "late", "withinShare"), rows, 2);
    }

    @Test
    void theCsvHoldsExactlyTheTablesCellsWithHiddenFiguresEmpty() {
        List<String> lines = view.csv().lines().toList();

        assertThat(lines.get(0)).isEqualTo("Service,Acknowledged within target,Acknowledged late,Within target (%)");
        assertThat(lines).hasSize(1 + view.getRows().size());
        for (int i = 0; i < view.getRows().size(); i++) {
            ReportView.ViewRow row = view.getRows().get(i);
            List<String> fromTable = new ArrayList<>();
            fromTable.add(ReportView.csvField(row.label()));
            row.cells().forEach(cell -> fromTable.add(ReportView.csvField(asPlain(cell))));
            assertThat(lines.get(i + 1)).isEqualTo(String.join(",", fromTable));
        }
        assertThat(view.getRows().get(0).cells()).containsExactly("1,204", "fewer than 5", "57.1%");
        assertThat(view.getRows().get(2).cells()).containsExactly("1,211", "fewer than 5", "not shown");
        assertThat(lines.get(1)).isEqualTo("\"<b>Harbour</b> & \"\"Sons\"\", =SUM(A1)\",1204,,57.1");
    }

    @Test
    void aNameThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(ReportView.csvField("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ReportView.csvField("@cmd")).isEqualTo("'@cmd");
        assertThat(ReportView.csvField("-12.5")).isEqualTo("-12.5");
        assertThat(ReportView.csvField("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void theChartHasATitleADescriptionAxisAndLegendAndEscapesNames() {
        String svg = view.getChart();

        assertThat(svg).startsWith("<svg").contains("role=\"img\"")
                .contains("<title id=\"chart-timeliness-title\">Acknowledged within the target, per service</title>")
                .contains("aria-labelledby=\"chart-timeliness-title chart-timeliness-desc\"")
                .contains(">Referrals</text>", ">Acknowledged within target</text>", ">Acknowledged late</text>")
                .contains("&lt;b&gt;Harbour")
                .doesNotContain("<b>");
        assertThat(svg.split("<rect", -1)).as("3 bars of shown counts (1204, 7, 0) and 2 legend keys").hasSize(6);
        assertThat(svg).contains(">fewer than 5</text>");
    }

    /** The table's words for people, turned back into the CSV's plain form. */
    private static String asPlain(String cell) {
        if (cell.equals("fewer than 5") || cell.equals("withheld") || cell.equals("not shown")) {
            return "";
        }
        return cell.replace(",", "").replace("%", "");
    }
}
