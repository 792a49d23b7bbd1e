package org.waypoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waypoint.core.shared.InvalidField;

class LanguageCodeTest {

    @Test
    void keepsTheCodeInLowerCase() {
        assertThat(new LanguageCode(" PL ").value()).isEqualTo("pl");
        assertThat(new LanguageCode("ur")).isEqualTo(new LanguageCode("UR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "eng", "p1", "en-GB", "Polish", "é"})
    void refusesWhatIsNotATwoLetterCode(String bad) {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> new LanguageCode(bad));
    }
}
