package org.waypoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Path("v1/referrals")
    static class Resource {
        @Path("{id: [0-9a-f-]+}/timeline/")
        public void timeline() {
        }

        public void list() {
        }
    }

    @Test
    void aTemplateKeepsTheParametersNamesAndDropsTheirPatterns() throws Exception {
        assertThat(RouteTemplates.path(Resource.class)).isEqualTo("/v1/referrals");
        assertThat(RouteTemplates.path(Resource.class.getMethod("timeline"))).isEqualTo("/{id}/timeline");
        assertThat(RouteTemplates.path(Resource.class.getMethod("list"))).isEmpty();
    }
}
