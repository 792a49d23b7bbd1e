package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.waypoint.core.directory.MatchCriteriaBuilder.aPerson;

import org.junit.jupiter.api.Test;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.InvalidField;

class MatchCriteriaTest {

    @Test
    void needsAtLeastOneNeedShapedLikeACategoryCode() {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> aPerson().needing().criteria());
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> aPerson().needing("counselling").criteria());
        assertThat(aPerson().needing("LEGAL_AID").criteria().needs()).containsExactly("LEGAL_AID");
    }

    @Test
    void needsAPlausibleAge() {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> aPerson().aged(-1).criteria());
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> aPerson().aged(AgeRange.OLDEST + 1).criteria());
        assertThat(aPerson().aged(0).criteria().age()).isZero();
    }

    @Test
    void needsAtLeastOneCrimeType() {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> aPerson().affectedBy().criteria());
        assertThat(aPerson().affectedBy(CrimeType.GROOMING).criteria().crimeTypes()).containsExactly(CrimeType.GROOMING);
    }

    @Test
    void printsOnlyTheNeedsNeverWhatDescribesThePerson() {
        String printed = aPerson().needing("ISVA").livingIn("M14 5RT").aged(15).criteria().toString();

        assertThat(printed).isEqualTo("MatchCriteria[needs=[ISVA]]");
    }
}
