package org.waypoint.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.waypoint.core.calendar.WorkingCalendar;
import org.waypoint.core.referral.Urgency;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;

/**
 * Which referrals a report counts: those sent from {@code from} to {@code to} (both days included,
 * London time), narrowed to one organisation (as referrer or provider), service, need, crime type or
 * urgency when given. Holds ids and codes only.
 */
public record ReportFilter(LocalDate from, LocalDate to, Optional<String> organisationId, Optional<String> serviceId,
                           Optional<String> need, Optional<CrimeType> crimeType, Optional<Urgency> urgency) {

    /** The longest period a report covers, so that the flow's months stay a readable chart. */
    public static final int MAX_MONTHS = 36;

    public ReportFilter {
        Objects.requireNonNull(from, "a report has a first day");
        Objects.requireNonNull(to, "a report has a last day");
        if (to.isBefore(from)) {
            throw new RuleViolation("error.report.span.order", "a report's last day is not before its first");
        }
        if (YearMonth.from(from).plusMonths(MAX_MONTHS).isBefore(YearMonth.from(to).plusMonths(1))) {
            throw new RuleViolation("error.report.span.length", "a report covers at most " + MAX_MONTHS + " months", MAX_MONTHS);
        }
        organisationId = organisationId == null ? Optional.empty() : organisationId;
        serviceId = serviceId == null ? Optional.empty() : serviceId;
        need = need == null ? Optional.empty() : need;
        crimeType = crimeType == null ? Optional.empty() : crimeType;
        urgency = urgency == null ? Optional.empty() : urgency;
    }

    public static ReportFilter month(YearMonth month) {
        return between(month.atDay(1), month.atEndOfMonth());
    }

    /** The calendar quarter {@code quarter} (1 to 4) of {@code year}. */
    public static ReportFilter quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new InvalidField("quarter", "error.report.quarter", "a quarter is 1 to 4");
        }
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return between(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    public static ReportFilter between(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public ReportFilter organisation(String id) {
        return new ReportFilter(from, to, Optional.of(id), serviceId, need, crimeType, urgency);
    }

    public ReportFilter service(String id) {
        return new ReportFilter(from, to, organisationId, Optional.of(id), need, crimeType, urgency);
    }

    public ReportFilter need(String code) {
        return new ReportFilter(from, to, organisationId, serviceId, Optional.of(code), crimeType, urgency);
    }

    public ReportFilter crimeType(CrimeType type) {
        return new ReportFilter(from, to, organisationId, serviceId, need, Optional.of(type), urgency);
    }

    public ReportFilter urgency(Urgency value) {
        return new ReportFilter(from, to, organisationId, serviceId, need, crimeType, Optional.of(value));
    }

    /** Whether anything narrows the referrals beyond the period. */
    public boolean narrowed() {
        return organisationId.isPresent() || serviceId.isPresent() || need.isPresent() || crimeType.isPresent()
                || urgency.isPresent();
    }

    /** The first instant counted. */
    public Instant start() {
        return from.atStartOfDay(WorkingCalendar.LONDON).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant();
    }

    /** A short description for the audit trail: the period and which filters were set, never a value typed by a person. */
    public String describe() {
        return from + ".." + to + (organisationId.isPresent() ? " o" : "") + (serviceId.isPresent() ? " s" : "")
                + need.map(n -> " n").orElse("") + crimeType.map(c -> " c").orElse("") + urgency.map(u -> " u").orElse("");
    }
}
