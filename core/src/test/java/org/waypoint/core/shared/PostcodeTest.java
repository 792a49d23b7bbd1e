package org.waypoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waypoint.core.shared.InvalidField;

class PostcodeTest {

    @ParameterizedTest(name = "{0} is {1}, district {2}, area {3}")
    @CsvSource({
            "M14 5RT,   M14 5RT,  M14,  M",
            "m145rt,    M14 5RT,  M14,  M",
            "' sk4  2aa ', SK4 2AA, SK4, SK",
            "SW1A 1AA,  SW1A 1AA, SW1A, SW",
            "EC1A1BB,   EC1A 1BB, EC1A, EC",
            "M1 5RT,    M1 5RT,   M1,   M",
            "M15RT,     M1 5RT,   M1,   M"})
    void readsAWholePostcode(String given, String value, String district, String area) {
        Postcode postcode = new Postcode(given);

        assertThat(postcode.value()).isEqualTo(value);
        assertThat(postcode.district()).isEqualTo(district);
        assertThat(postcode.area()).isEqualTo(area);
        assertThat(postcode.isFull()).isTrue();
    }

    @ParameterizedTest(name = "{0} is district {1} in area {2}")
    @CsvSource({"M14, M14, M", "ol1, OL1, OL", "W1A, W1A, W", "BL11, BL11, BL"})
    void readsAnOutwardCodeAlone(String given, String district, String area) {
        Postcode postcode = new Postcode(given);

        assertThat(postcode.value()).isEqualTo(district);
        assertThat(postcode.district()).isEqualTo(district);
        assertThat(postcode.area()).isEqualTo(area);
        assertThat(postcode.isFull()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "M", "OL", "14 5RT", "MMM1 5RT", "M14 RT5", "M14 5R", "M14 5RTX", "M!4", "M14-5RT"})
    void refusesWhatIsNotShapedLikeAPostcodeOrDistrict(String bad) {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> new Postcode(bad));
    }
}
