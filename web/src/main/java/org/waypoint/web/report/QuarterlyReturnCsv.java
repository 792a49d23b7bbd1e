package org.waypoint.web.report;

import java.util.List;
import org.waypoint.core.report.Reports.ReturnLine;

/**
 * The quarterly return as one CSV file, one line a figure: {@code quarter,section,category,referrals}
 * (README, "Reports"). A hidden count is an empty field, as in every report CSV.
 */
final class QuarterlyReturnCsv {

    private QuarterlyReturnCsv() {
    }

    static String of(String quarter, List<ReturnLine> lines) {
        StringBuilder out = new StringBuilder("quarter,section,category,referrals\r\n");
        for (ReturnLine line : lines) {
            out.append(quarter).append(',').append(line.section()).append(',').append(ReportView.csvField(line.category()))
                    .append(',').append(line.referrals().shown().map(String::valueOf).orElse("")).append("\r\n");
        }
        return out.toString();
    }
}
