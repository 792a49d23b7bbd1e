package org.waypoint.web.page;

import java.time.Instant;
import java.time.LocalDate;
import org.waypoint.core.referral.ReferralStatus;
import org.waypoint.core.shared.GovUkTime;

/**
 * How the pages write times, dates and statuses: London time, GOV.UK style ("2:05pm on Wednesday 3
 * March 2027"), the same as the e-mails ({@link GovUkTime}).
 */
public final class Format {

    private Format() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : GovUkTime.dateTime(instant);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : GovUkTime.date(date);
    }

    /** The words for a status, as people working referrals say them. */
    public static String status(ReferralStatus status) {
        return Messages.text("status." + status.name());
    }

    /** The GOV.UK tag colour for a status: blue waiting on the service, green going well, red ended badly, grey ended or not started. */
    public static String statusTag(ReferralStatus status) {
        return switch (status) {
            case DRAFT, CANCELLED, ENTERED_IN_ERROR -> "govuk-tag--grey";
            case REQUESTED -> "govuk-tag--blue";
            case RECEIVED -> "govuk-tag--light-blue";
            case ACCEPTED, IN_PROGRESS -> "govuk-tag--turquoise";
            case ON_HOLD -> "govuk-tag--yellow";
            case COMPLETED -> "govuk-tag--green";
            case REJECTED, FAILED -> "govuk-tag--red";
        };
    }
}
