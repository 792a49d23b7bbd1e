package org.waypoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waypoint.core.shared.InvalidField;

class EmailAddressTest {

    @Test
    void isKeptStrippedAndInLowerCase() {
        assertThat(new EmailAddress("  Referrals@Harbour.Example.ORG ").value()).isEqualTo("referrals@harbour.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "no-at-sign", "two@@example.org", "a b@example.org", "nodot@example", "@example.org"})
    void refusesWhatIsNotAnAddress(String text) {
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> new EmailAddress(text));
    }

    @Test
    void refusesAddressesLongerThanTheStandardAllows() {
        String local = "a".repeat(310);
        assertThatExceptionOfType(InvalidField.class).isThrownBy(() -> new EmailAddress(local + "@example.org"));
    }
}
