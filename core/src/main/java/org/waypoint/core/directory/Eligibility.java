package org.waypoint.core.directory;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.RiskLevel;

/**
 * Whom a service sees (the "eligibility" of Open Referral HSDS): ages, and the genders, crime types
 * and risk levels it is for. An empty set means any.
 */
public record Eligibility(AgeRange ages, Set<Gender> genders, Set<CrimeType> crimeTypes, Set<RiskLevel> riskLevels) {

    public static final Eligibility ANYONE = new Eligibility(AgeRange.ANY, Set.of(), Set.of(), Set.of());

    public Eligibility {
        Objects.requireNonNull(ages, "ages are required: AgeRange.ANY for any age");
        genders = copy(genders, Gender.class);
        crimeTypes = copy(crimeTypes, CrimeType.class);
        riskLevels = copy(riskLevels, RiskLevel.class);
    }

    private static <E extends Enum<E>> Set<E> copy(Collection<E> values, Class<E> type) {
        Objects.requireNonNull(values, "an empty set means any, never null");
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    public Eligibility withAges(AgeRange ages) {
        return new Eligibility(ages, genders, crimeTypes, riskLevels);
    }

    public Eligibility withGenders(Collection<Gender> genders) {
        return new Eligibility(ages, Set.copyOf(genders), crimeTypes, riskLevels);
    }

    public Eligibility withCrimeTypes(Collection<CrimeType> crimeTypes) {
        return new Eligibility(ages, genders, Set.copyOf(crimeTypes), riskLevels);
    }

    public Eligibility withRiskLevels(Collection<RiskLevel> riskLevels) {
        return new Eligibility(ages, genders, crimeTypes, Set.copyOf(riskLevels));
    }

    public boolean admitsGender(Gender gender) {
        return genders.isEmpty() || genders.contains(gender);
    }

    public boolean admitsRiskLevel(RiskLevel riskLevel) {
        return riskLevels.isEmpty() || riskLevels.contains(riskLevel);
    }

    /** A service limited to some crime types sees a person affected by at least one of them. */
    public boolean admitsAnyOf(Collection<CrimeType> types) {
        if (crimeTypes.isEmpty()) {
            return true;
        }
        for (CrimeType type : types) {
            if (crimeTypes.contains(type)) {
                return true;
            }
        }
        return false;
    }
}
