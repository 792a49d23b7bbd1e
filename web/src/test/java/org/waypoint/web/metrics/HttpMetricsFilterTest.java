package org.waypoint.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A request is counted under a route that names the endpoint and none of the ids in its address. */
class HttpMetricsFilterTest {

    @Test
    void theApisTemplateIsTakenAsItIs() {
        assertThat(HttpMetricsFilter.route("/api/v1/referrals/{id}/timeline",
                "/api/v1/referrals/0b5c6f8e-1111-2222-3333-444455556666/timeline", 200))
                .isEqualTo("/api/v1/referrals/{id}/timeline");
    }

    @Test
    void aPagesIdsAndSessionParametersAreLeftOut() {
        assertThat(HttpMetricsFilter.route(null, "/referrals/0b5c6f8e-1111-2222-3333-444455556666", 200))
                .isEqualTo("/referrals/{id}");
        assertThat(HttpMetricsFilter.route(null, "/referrals;jsessionid=abc", 200)).isEqualTo("/referrals");
        assertThat(HttpMetricsFilter.route(null, "/admin/", 200)).isEqualTo("/admin/");
        assertThat(HttpMetricsFilter.route(null, "/", 200)).isEqualTo("/");
        assertThat(HttpMetricsFilter.route(null, "/reset-password/" + "x".repeat(43), 200)).isEqualTo("/reset-password/{id}");
    }

    @Test
    void anAddressNobodyAnsweredIsCountedAsOne() {
        assertThat(HttpMetricsFilter.route(null, "/wp-admin/setup-config.php", 404)).isEqualTo("/**");
    }
}
