package org.waypoint.web.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.waypoint.core.report.ReportTable;
import org.waypoint.core.report.ReportTable.Hours;
import org.waypoint.web.page.Messages;

/**
 * A report table drawn as a horizontal grouped bar chart in SVG, on the server, so that it needs no
 * script: one group of bars a row (a service, a month), one bar a series (a column), with a title,
 * a value axis and a legend. It is one image to assistive technology (its title and a description
 * pointing to the table beneath, which holds the same numbers). A hidden figure draws no bar, only
 * the words the table uses.
 */
final class ReportChart {

    private static final String[] COLOURS = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#505a5f", "#912b88",
        "#0b0c0c", "#8a5a00", "#1a6b70"};
    private static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 170;
    private static final int PLOT_LEFT = 180;
    private static final int PLOT_RIGHT = 610;
    private static final int TOP = 12;
    private static final int BAR = 12;
    private static final int GAP = 12;
    private static final int MAX_LABEL = 26;

    private ReportChart() {
    }

    static String svg(ReportView view) {
        ReportTable table = view.table();
        List<Integer> series = series(table);
        List<ReportTable.Row> groups = table.rows().stream().filter(r -> r.kind() != ReportTable.LabelKind.TOTAL).toList();
        List<ReportView.ViewRow> labels = view.getRows().stream().filter(r -> !r.total()).toList();
        if (series.isEmpty() || groups.isEmpty()) {
            return "";
        }
        double max = 0;
        for (ReportTable.Row row : groups) {
            for (int column : series) {
                max = Math.max(max, ReportView.plotted(row.cells().get(column)).orElse(0.0));
            }
        }
        double step = niceStep(max / 4);
        double top = Math.max(step * Math.ceil(max / step), step);
        int groupHeight = series.size() * BAR + GAP;
        int plotBottom = TOP + groups.size() * groupHeight;
        int legendTop = plotBottom + 48;
        int legendLines = (series.size() + 1) / 2;
        int height = legendTop + legendLines * 20 + 8;
        String id = "chart-" + table.id();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"waypoint-chart\" id=\"").append(id)
                .append("\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\" font-family=\"Arial, Helvetica, sans-serif\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(view.getTitle())).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(Messages.fromBundle(ReportView.BUNDLE,
                "chart.desc", axisTitle(table)))).append("</desc>");
        for (double tick = 0; tick <= top + step / 2; tick += step) {
            double x = x(tick, top);
            svg.append(line(x, TOP, x, plotBottom, "#b1b4b6"));
            svg.append(text(x, plotBottom + 16, "middle", 12, number(tick)));
        }
        svg.append(line(PLOT_LEFT, TOP, PLOT_LEFT, plotBottom, "#0b0c0c"));
        svg.append(line(PLOT_LEFT, plotBottom, PLOT_RIGHT, plotBottom, "#0b0c0c"));
        svg.append(text((PLOT_LEFT + PLOT_RIGHT) / 2.0, plotBottom + 36, "middle", 13, axisTitle(table)));
        for (int g = 0; g < groups.size(); g++) {
            int groupTop = TOP + g * groupHeight + GAP / 2;
            svg.append(text(LABEL_WIDTH, groupTop + series.size() * BAR / 2.0 + 4, "end", 12, shortened(labels.get(g).label())));
            for (int s = 0; s < series.size(); s++) {
                int column = series.get(s);
                int y = groupTop + s * BAR;
                Optional<Double> value = ReportView.plotted(groups.get(g).cells().get(column));
                if (value.isPresent()) {
                    double width = x(value.get(), top) - PLOT_LEFT;
                    svg.append("<rect x=\"").append(PLOT_LEFT).append("\" y=\"").append(y + 1).append("\" width=\"")
                            .append(format(width)).append("\" height=\"").append(BAR - 2).append("\" fill=\"")
                            .append(COLOURS[s % COLOURS.length]).append("\"/>");
                } else {
                    svg.append(text(PLOT_LEFT + 4, y + BAR - 2, "start", 10, labels.get(g).cells().get(column)));
                }
            }
        }
        for (int s = 0; s < series.size(); s++) {
            double x = s % 2 == 0 ? 20 : WIDTH / 2.0 + 10;
            int y = legendTop + (s / 2) * 20;
            svg.append("<rect x=\"").append(format(x)).append("\" y=\"").append(y).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(COLOURS[s % COLOURS.length]).append("\"/>");
            svg.append(text(x + 20, y + 12, "start", 12, view.getColumns().get(series.get(s))));
        }
        return svg.append("</svg>").toString();
    }

    /** The columns drawn: the table's chart columns, or for a table of times, its times. */
    static List<Integer> series(ReportTable table) {
        List<Integer> series = new ArrayList<>();
        if (table.chartColumns() > 0) {
            for (int c = 0; c < table.chartColumns(); c++) {
                series.add(c);
            }
        } else if (!table.rows().isEmpty()) {
            List<ReportTable.Cell> first = table.rows().get(0).cells();
            for (int c = 0; c < first.size(); c++) {
                if (first.get(c) instanceof Hours) {
                    series.add(c);
                }
            }
        }
        return series;
    }

    private static String axisTitle(ReportTable table) {
        return Messages.fromBundle(ReportView.BUNDLE, table.chartColumns() > 0 ? "chart.axis.referrals" : "chart.axis.hours");
    }

    private static double x(double value, double top) {
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * value / top;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (rough <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + format(x1) + "\" y1=\"" + format(y1) + "\" x2=\"" + format(x2) + "\" y2=\"" + format(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
    }

    private static String text(double x, double y, String anchor, int size, String content) {
        return "<text x=\"" + format(x) + "\" y=\"" + format(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" fill=\"#0b0c0c\">" + escape(content) + "</text>";
    }

    private static String shortened(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.UK, "%,d", (long) value) : String.format(Locale.UK, "%.1f", value);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
