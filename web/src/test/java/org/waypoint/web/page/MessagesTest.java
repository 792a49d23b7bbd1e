package org.waypoint.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void anApostropheSurvivesBeingFilledIn() {
        assertThat(Messages.text("match.WORKS_IN_LANGUAGE", "pl")).isEqualTo("Works in the person's language");
        assertThat(Messages.text("match.WORKS_IN_LANGUAGE")).isEqualTo("Works in the person's language");
        assertThat(Messages.text("capacity.waitWeeks", 3)).isEqualTo("about 3 weeks");
    }
}
