package org.waypoint.core.report;

import java.util.List;
import java.util.Optional;

/**
 * The reports for one filter, each figure a {@link ReportTable}: timeliness per service, times to
 * acknowledge and accept, the flow by month, rejections and failures by reason, and the services'
 * load. Counts only, suppressed.
 */
public record Report(ReportFilter filter, ReportTable timeliness, ReportTable timing, ReportTable flow,
                     ReportTable ends, ReportTable services) {

    public static final String TIMELINESS = "timeliness";
    public static final String TIMING = "timing";
    public static final String FLOW = "flow";
    public static final String ENDS = "ends";
    public static final String SERVICES = "services";

    public List<ReportTable> tables() {
        return List.of(timeliness, timing, flow, ends, services);
    }

    public Optional<ReportTable> table(String id) {
        return tables().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
