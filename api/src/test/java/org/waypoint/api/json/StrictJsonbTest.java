package org.waypoint.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Yasson, the JSON-B Payara runs, with the API's configuration. */
class StrictJsonbTest {

    public record Request(String name, LocalDate dateOfBirth) {
    }

    private final Jsonb jsonb = new StrictJsonb().getContext(Request.class);

    @Test
    void readsTheFieldsTheRecordHas() {
        assertThat(jsonb.fromJson("{\"name\":\"A\",\"dateOfBirth\":\"2001-02-03\"}", Request.class))
                .isEqualTo(new Request("A", LocalDate.of(2001, 2, 3)));
    }

    @Test
    void refusesAFieldTheRecordDoesNotHave() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"A\",\"dateOfBrith\":\"2001-02-03\"}", Request.class))
                .isInstanceOf(JsonbException.class);
    }
}
