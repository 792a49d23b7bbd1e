package org.waypoint.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The counts behind the reports, computed by the database (grouped sums over indexes), never by
 * loading referrals. Every query counts referrals that were sent, less those entered in error, within
 * {@code scope}: every organisation when empty, else one organisation's as referrer or, once sent, as
 * provider.
 */
public interface ReportQueries {

    /**
     * Per service: referrals acknowledged within their due time, late, waiting past it at {@code now},
     * waiting within it, ended unacknowledged; and its stated capacity and what became of the referrals
     * sent to it in the period.
     */
    PerService perService(Optional<String> scope, ReportFilter filter, Instant now);

    /**
     * Per service, how many referrals took each working time to acknowledgement and to acceptance,
     * the times in tenths of a working hour (rounded to the nearest): the histograms the medians and
     * percentiles are read from.
     */
    List<WorkingTime> workingTimes(Optional<String> scope, ReportFilter filter);

    /**
     * Timeline entries of the flow's kinds in the period, counted by month: {@code monthStarts} are the
     * first instants of each month, the answer's {@code month} an index into them.
     */
    List<FlowCount> flow(Optional<String> scope, ReportFilter filter, List<Instant> monthStarts);

    /** Referrals sent in the period, by crime mark ({@link org.waypoint.core.referral.CrimeMarks}). */
    List<Keyed> sentByCrimeMark(Optional<String> scope, ReportFilter filter);

    /** Referrals sent in the period, by need. */
    List<Keyed> sentByNeed(Optional<String> scope, ReportFilter filter);

    /** Referrals sent in the period, by status now, consent withdrawn apart ({@code CONSENT_WITHDRAWN}). */
    List<Keyed> sentByOutcome(Optional<String> scope, ReportFilter filter);

    /** The filters' choices: every organisation, service and need category, by name. */
    List<Choice> organisations();

    /**
     * The services within {@code scope}: every one when empty, else those of the organisation's own
     * and those it has referred to, the only ones its reports can count.
     */
    List<Choice> services(Optional<String> scope);

    List<Choice> needs();

    record Choice(String id, String name) {
    }

    /** The two per-service figures, their services in the same order. */
    record PerService(List<TimelinessCounts> timeliness, List<ServiceCounts> services) {
    }

    record TimelinessCounts(String serviceId, String serviceName, long within, long late, long waitingPastDue,
                            long waitingWithinDue, long endedUnacknowledged) {
    }

    /** {@code count} referrals of a service took {@code tenths} tenths of a working hour to be acknowledged, or accepted. */
    record WorkingTime(String serviceId, boolean toAccept, int tenths, long count) {
    }

    /** Timeline entries of one month, action and status reached; with their reason code where one was given. */
    record FlowCount(int month, String action, String toStatus, String reasonCode, long count) {
    }

    record ServiceCounts(String serviceId, String serviceName, String capacity, Optional<Integer> waitWeeks,
                         long sent, long stillOpen, long awaitingAcknowledgement, long accepted, long rejected) {
    }

    record Keyed(String key, long count) {
    }
}
