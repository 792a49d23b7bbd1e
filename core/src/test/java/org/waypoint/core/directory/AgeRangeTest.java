package org.waypoint.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.waypoint.core.shared.InvalidField;
import org.waypoint.core.shared.RuleViolation;

class AgeRangeTest {

    @Test
    void includesBothEnds() {
        AgeRange children = AgeRange.between(0, 17);

        assertThat(children.contains(0)).isTrue();
        assertThat(children.contains(17)).isTrue();
        assertThat(children.contains(18)).isFalse();
    }

    @Test
    void eitherEndMayBeOpen() {
        assertThat(AgeRange.from(18).contains(17)).isFalse();
        assertThat(AgeRange.from(18).contains(AgeRange.OLDEST)).isTrue();
        assertThat(AgeRange.upTo(17).contains(0)).isTrue();
        assertThat(AgeRange.upTo(17).contains(18)).isFalse();
        assertThat(AgeRange.ANY.contains(45)).isTrue();
        assertThat(AgeRange.ANY.isLimited()).isFalse();
        assertThat(AgeRange.upTo(17).isLimited()).isTrue();
    }

    @Test
    void saysWhetherItServesChildrenOrAdults() {
        assertThat(AgeRange.between(0, 17).servesChildren()).isTrue();
        assertThat(AgeRange.between(0, 17).servesAdults()).isFalse();
        assertThat(AgeRange.from(18).servesChildren()).isFalse();
        assertThat(AgeRange.from(18).servesAdults()).isTrue();
        assertThat(AgeRange.between(16, 25).servesChildren()).isTrue();
        assertThat(AgeRange.between(16, 25).servesAdults()).isTrue();
        assertThat(AgeRange.ANY.servesChildren()).isTrue();
        assertThat(AgeRange.ANY.servesAdults()).isTrue();
    }

    @Test
    void refusesALowestAgeAboveTheHighest() {
        assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> AgeRange.between(18, 17));
        assertThat(AgeRange.between(17, 17).contains(17)).isTrue();
    }

    @Test
    void refusesImplausibleAges() {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> AgeRange.from(-1));
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> AgeRange.upTo(AgeRange.OLDEST + 1));
    }
}
