package org.waypoint.core.referral;

import java.util.regex.Pattern;
import org.waypoint.core.shared.InvalidField;

/** The human reference of a submitted referral, {@code WP-2026-000123}: unique and sequential per year. */
public record ReferralReference(String value) {

    private static final Pattern SHAPE = Pattern.compile("WP-\\d{4}-\\d{6}");

    public ReferralReference {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidField("reference", "error.referral.reference.form",
                    "a referral reference looks like WP-2026-000123");
        }
    }

    /** Whether {@code candidate} has the shape of a reference, so a search can say so instead of failing. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    public static ReferralReference of(int year, long number) {
        if (number < 1 || number > 999_999) {
            throw new InvalidField("reference", "error.referral.reference.number", "a referral number is between 1 and 999999");
        }
        return new ReferralReference(String.format("WP-%04d-%06d", year, number));
    }

    @Override
    public String toString() {
        return value;
    }
}
