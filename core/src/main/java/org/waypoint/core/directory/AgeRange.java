package org.waypoint.core.directory;

import java.util.Objects;
import java.util.OptionalInt;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;

/** The ages a service sees, in years, both ends inclusive; either end may be open. */
public record AgeRange(OptionalInt minAge, OptionalInt maxAge) {

    /** The age at which a person is an adult: below it a service sees children. */
    public static final int ADULT_AGE = 18;
    public static final int OLDEST = 130;
    public static final AgeRange ANY = new AgeRange(OptionalInt.empty(), OptionalInt.empty());

    public AgeRange {
        Objects.requireNonNull(minAge, "minAge is empty when there is no lower limit, never null");
        Objects.requireNonNull(maxAge, "maxAge is empty when there is no upper limit, never null");
        minAge.ifPresent(AgeRange::requirePlausible);
        maxAge.ifPresent(AgeRange::requirePlausible);
        if (minAge.isPresent() && maxAge.isPresent() && minAge.getAsInt() > maxAge.getAsInt()) {
            throw new RuleViolation("error.ageRange.order", "the lowest age seen is above the highest");
        }
    }

    public static AgeRange between(int minAge, int maxAge) {
        return new AgeRange(OptionalInt.of(minAge), OptionalInt.of(maxAge));
    }

    public static AgeRange from(int minAge) {
        return new AgeRange(OptionalInt.of(minAge), OptionalInt.empty());
    }

    public static AgeRange upTo(int maxAge) {
        return new AgeRange(OptionalInt.empty(), OptionalInt.of(maxAge));
    }

    private static void requirePlausible(int age) {
        if (age < 0 || age > OLDEST) {
            throw new InvalidField("age", "error.age.range", "an age is between 0 and " + OLDEST, OLDEST);
        }
    }

    public boolean contains(int age) {
        return (minAge.isEmpty() || age >= minAge.getAsInt()) && (maxAge.isEmpty() || age <= maxAge.getAsInt());
    }

    public boolean isLimited() {
        return minAge.isPresent() || maxAge.isPresent();
    }

    public boolean servesChildren() {
        return minAge.orElse(0) < ADULT_AGE;
    }

    public boolean servesAdults() {
        return maxAge.isEmpty() || maxAge.getAsInt() >= ADULT_AGE;
    }
}
