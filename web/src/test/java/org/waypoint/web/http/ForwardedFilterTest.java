package org.waypoint.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.waypoint.web.http.ForwardedFilter.Forwarded;

/** The caller's address and scheme are the edge's word only when the connection is the edge's. */
class ForwardedFilterTest {

    private final TrustedProxies edge = TrustedProxies.parse("127.0.0.1, ::1, 10.1.0.0/16");

    @Test
    void theEdgesHeadersGiveTheCallersAddressAndScheme() {
        assertThat(Forwarded.of(edge, "127.0.0.1", "203.0.113.7", "https")).isEqualTo(new Forwarded("203.0.113.7", true));
        assertThat(Forwarded.of(edge, "10.1.200.3", "2001:db8::1", "http")).isEqualTo(new Forwarded("2001:db8::1", false));
        assertThat(Forwarded.of(edge, "0:0:0:0:0:0:0:1", "198.51.100.2", null)).isEqualTo(new Forwarded("198.51.100.2", false));
    }

    @Test
    void onlyTheLastAddressCountsWhenACallerSentTheirOwnHeader() {
        assertThat(Forwarded.of(edge, "127.0.0.1", "192.0.2.99, 203.0.113.7", "https").client()).isEqualTo("203.0.113.7");
    }

    @Test
    void aCallerWhoIsNotTheEdgeIsBelievedInNothing() {
        assertThat(Forwarded.of(edge, "203.0.113.7", "127.0.0.1", "https")).isEqualTo(new Forwarded("203.0.113.7", false));
        assertThat(Forwarded.of(edge, "10.2.0.1", "192.0.2.1", "https")).isEqualTo(new Forwarded("10.2.0.1", false));
    }

    @Test
    void withoutAnAddressFromTheEdgeTheConnectionsAddressStays() {
        assertThat(Forwarded.of(edge, "127.0.0.1", null, null).client()).isEqualTo("127.0.0.1");
        assertThat(Forwarded.of(edge, "127.0.0.1", "unknown", null).client()).isEqualTo("127.0.0.1");
        assertThat(Forwarded.of(edge, "127.0.0.1", "evil.example", null).client()).isEqualTo("127.0.0.1");
        assertThat(Forwarded.of(edge, "127.0.0.1", "999.1.1.1", null).client()).isEqualTo("127.0.0.1");
    }

    @Test
    void namesAreNeverResolvedAndABadSettingStopsTheStart() {
        assertThat(TrustedProxies.isAddress("localhost")).isFalse();
        assertThat(TrustedProxies.parse("").contains("127.0.0.1")).isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse("edge.internal")).hasMessageContaining("edge.internal");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
    }
}
