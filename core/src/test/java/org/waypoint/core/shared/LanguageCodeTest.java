package org.waypoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageCodeTest {

    @Test
    void keepsTheCodeInLowerCase() {
        assertThat(new LanguageCode(" PL ").value()).isEqualTo("pl");
        assertThat(new LanguageCode("ur")).isEqualTo(new LanguageCode("UR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "eng", "p1", "en-GB", "Polish", "é"})
    void refusesWhatIsNotATwoLetterCode(String bad) {
        assertThatIllegalArgumentException().isThrownBy(() -> new LanguageCode(bad));
    }
}
