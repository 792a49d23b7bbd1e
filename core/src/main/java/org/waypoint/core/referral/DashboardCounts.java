package org.waypoint.core.referral;

/**
 * The line at the top of a caseworker's list or a service's inbox, for the reader's own organisation.
 *
 * @param awaitingAcknowledgement sent and not yet opened by the service (REQUESTED)
 * @param overdue                 of those, the ones past their acknowledge-by time
 * @param acceptedThisWeek        accepted since Monday 00:00, London time, whatever became of them since
 */
public record DashboardCounts(long awaitingAcknowledgement, long overdue, long acceptedThisWeek) {
}
