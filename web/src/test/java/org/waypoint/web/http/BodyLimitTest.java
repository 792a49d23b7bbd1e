package org.waypoint.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final BodyLimit limit = new BodyLimit(65_536, "waypoint.api.max-body-bytes");

    @Test
    void refusesADeclaredLengthOverSixtyFourKibibytes() {
        assertThat(limit.refusesDeclared(65_536)).isFalse();
        assertThat(limit.refusesDeclared(65_537)).isTrue();
        assertThat(limit.refusesDeclared(-1)).as("no Content-Length").isFalse();
    }

    @Test
    void takesABodyOfExactlyTheLimit() throws IOException {
        assertThat(limit.readWithin(new ByteArrayInputStream(new byte[65_536]))).hasValueSatisfying(
                body -> assertThat(body).hasSize(65_536));
    }

    @Test
    void refusesAnUndeclaredBodyOneByteOverWithoutReadingTheRest() throws IOException {
        CountingStream endless = new CountingStream();

        assertThat(limit.readWithin(endless)).isEmpty();
        assertThat(endless.read).isEqualTo(65_537);
    }

    @Test
    void refusesANonsensicalLimit() {
        assertThatThrownBy(() -> new BodyLimit(-1, "waypoint.api.max-body-bytes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("waypoint.api.max-body-bytes");
    }

    /** A body that never ends, counting what was taken from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }
    }
}
