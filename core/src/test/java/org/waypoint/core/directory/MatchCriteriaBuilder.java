package org.waypoint.core.directory;

import java.util.Set;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.Gender;
import org.waypoint.core.shared.LanguageCode;
import org.waypoint.core.shared.Postcode;
import org.waypoint.core.shared.RiskLevel;

/** Builds criteria for tests: a woman of 30 in M14 5RT who speaks English, after a sexual assault, needing counselling. */
final class MatchCriteriaBuilder {

    private Set<String> needs = Set.of("COUNSELLING");
    private String postcode = "M14 5RT";
    private int age = 30;
    private Gender gender = Gender.FEMALE;
    private String language = "en";
    private boolean interpreterAcceptable;
    private RiskLevel riskLevel = RiskLevel.STANDARD;
    private Set<CrimeType> crimeTypes = Set.of(CrimeType.SEXUAL_ASSAULT);

    static MatchCriteriaBuilder aPerson() {
        return new MatchCriteriaBuilder();
    }

    MatchCriteriaBuilder needing(String... categoryCodes) {
        this.needs = Set.of(categoryCodes);
        return this;
    }

    MatchCriteriaBuilder livingIn(String postcode) {
        this.postcode = postcode;
        return this;
    }

    MatchCriteriaBuilder aged(int age) {
        this.age = age;
        return this;
    }

    MatchCriteriaBuilder ofGender(Gender gender) {
        this.gender = gender;
        return this;
    }

    MatchCriteriaBuilder speaking(String language) {
        this.language = language;
        return this;
    }

    MatchCriteriaBuilder acceptingAnInterpreter() {
        this.interpreterAcceptable = true;
        return this;
    }

    MatchCriteriaBuilder atRisk(RiskLevel riskLevel) {
        this.riskLevel = riskLevel;
        return this;
    }

    MatchCriteriaBuilder affectedBy(CrimeType... crimeTypes) {
        this.crimeTypes = Set.of(crimeTypes);
        return this;
    }

    MatchCriteria criteria() {
        return new MatchCriteria(needs, new Postcode(postcode), age, gender, new LanguageCode(language),
                interpreterAcceptable, riskLevel, crimeTypes);
    }
}
