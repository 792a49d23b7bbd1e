package org.waypoint.core.directory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;

/**
 * What a person needs and who they are, as far as matching them to services goes.
 *
 * @param needs                 codes of the categories of support needed, at least one
 * @param postcode              where the person lives: a whole postcode or its district
 * @param age                   in years
 * @param language              the language the person is most at ease in
 * @param interpreterAcceptable whether a service working in another language through an interpreter will do
 * @param crimeTypes            what the person was affected by, at least one
 */
public record MatchCriteria(Set<String> needs, Postcode postcode, int age, Gender gender, LanguageCode language,
                            boolean interpreterAcceptable, RiskLevel riskLevel, Set<CrimeType> crimeTypes) {

    public MatchCriteria {
        if (needs == null || needs.isEmpty()) {
            throw new InvalidField("needs", "error.needs.required", "at least one need is required");
        }
        for (String code : needs) {
            if (code == null || !code.matches("[A-Z][A-Z_]{0,39}")) {
                throw new InvalidField("needs", "error.needs.code", "a need is a category code, such as COUNSELLING");
            }
        }
        needs = Set.copyOf(needs);
        InvalidField.required(postcode, "postcode", "error.field.required", "a postcode or postcode district is required");
        if (age < 0 || age > AgeRange.OLDEST) {
            throw new InvalidField("age", "error.age.range", "an age is between 0 and " + AgeRange.OLDEST, AgeRange.OLDEST);
        }
        InvalidField.required(gender, "gender", "error.field.required", "a gender is required: NOT_SAID when the person has not said");
        InvalidField.required(language, "language", "error.field.required", "a language is required");
        InvalidField.required(riskLevel, "riskLevel", "error.field.required", "a risk level is required");
        if (crimeTypes == null || crimeTypes.isEmpty()) {
            throw new InvalidField("crimeTypes", "error.crimeTypes.required", "at least one crime type is required");
        }
        crimeTypes = Collections.unmodifiableSet(EnumSet.copyOf(crimeTypes));
    }

    /** Prints the needs only: the rest describes a person. */
    @Override
    public String toString() {
        return "MatchCriteria[needs=" + needs + "]";
    }
}
