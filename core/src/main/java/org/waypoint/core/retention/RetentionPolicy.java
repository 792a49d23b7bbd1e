package org.waypoint.core.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.waypoint.core.calendar.WorkingCalendar;

/**
 * How long a referral is kept after its last change, by how it ended, and how long a child's record
 * is kept at least: the settings {@code waypoint.retention.*} (README's configuration table says why
 * each default). A person is due for anonymisation once every referral of theirs is past its period,
 * none is open, and, if they were a child when recorded, they have reached {@link #childUntilAge()}.
 */
@ApplicationScoped
public class RetentionPolicy {

    public static final String DRAFT = "waypoint.retention.draft";
    public static final String ENDED = "waypoint.retention.ended";
    public static final String COMPLETED = "waypoint.retention.completed";
    public static final String CHILD_UNTIL_AGE = "waypoint.retention.child-until-age";

    private final Period draft;
    private final Period ended;
    private final Period completed;
    private final int childUntilAge;

    @Inject
    public RetentionPolicy(@ConfigProperty(name = DRAFT) String draft, @ConfigProperty(name = ENDED) String ended,
                           @ConfigProperty(name = COMPLETED) String completed,
                           @ConfigProperty(name = CHILD_UNTIL_AGE) int childUntilAge) {
        this(parse(DRAFT, draft), parse(ENDED, ended), parse(COMPLETED, completed), childUntilAge);
    }

    public RetentionPolicy(Period draft, Period ended, Period completed, int childUntilAge) {
        if (childUntilAge < 18) {
            throw new IllegalArgumentException(CHILD_UNTIL_AGE + " is at least 18, not " + childUntilAge);
        }
        this.draft = draft;
        this.ended = ended;
        this.completed = completed;
        this.childUntilAge = childUntilAge;
    }

    /** For CDI's proxy only. */
    protected RetentionPolicy() {
        this.draft = null;
        this.ended = null;
        this.completed = null;
        this.childUntilAge = 0;
    }

    /** The defaults README gives: 30 days, 6 months, 6 years, until 25. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Period.ofDays(30), Period.ofMonths(6), Period.ofYears(6), 25);
    }

    static Period parse(String setting, String value) {
        try {
            Period period = Period.parse(value.strip());
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException(setting + " must be a positive period, not " + value);
            }
            return period;
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(setting + " is an ISO-8601 period such as P30D, P6M or P6Y, not '" + value + "'");
        }
    }

    /** The moments before which a referral's last change puts it past retention, as of {@code now} (London dates). */
    public Cutoffs cutoffs(Instant now) {
        var london = now.atZone(WorkingCalendar.LONDON);
        return new Cutoffs(london.minus(draft).toInstant(), london.minus(ended).toInstant(),
                london.minus(completed).toInstant());
    }

    /**
     * Whether a person's record may go as far as their age is concerned: an adult when recorded, or a
     * child then who has since reached {@link #childUntilAge()}.
     */
    public boolean ageAllows(LocalDate dateOfBirth, Instant recordedAt, Instant now) {
        LocalDate recorded = recordedAt.atZone(WorkingCalendar.LONDON).toLocalDate();
        LocalDate today = now.atZone(WorkingCalendar.LONDON).toLocalDate();
        boolean childWhenRecorded = Period.between(dateOfBirth, recorded).getYears() < 18;
        return !childWhenRecorded || !today.isBefore(dateOfBirth.plusYears(childUntilAge));
    }

    public int childUntilAge() {
        return childUntilAge;
    }

    /**
     * A referral last changed before its rule's cutoff is past retention: a draft never sent
     * ({@code draft}); rejected, cancelled or entered in error, so no service worked with the person
     * ({@code ended}); completed or failed after a service's work ({@code completed}).
     */
    public record Cutoffs(Instant draft, Instant ended, Instant completed) {
    }
}
