package org.waypoint.core.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.waypoint.core.shared.InvalidField;

class IdentityProviderTest {

    @Test
    void anIssuerIsHttpsOrHttpOnThisMachinesLoopbackOnly() {
        assertThat(provider("https://login.example.org/realms/staff").issuer()).isEqualTo("https://login.example.org/realms/staff");
        assertThat(provider("http://localhost:9000/waypoint").issuer()).isEqualTo("http://localhost:9000/waypoint");
        assertThat(provider("http://127.0.0.1:9000/x").issuer()).isEqualTo("http://127.0.0.1:9000/x");

        for (String refused : new String[] {"http://login.example.org", "ftp://localhost/x", "https://", "login.example.org",
                "https://login.example.org/?a=b", "https://login.example.org/#f", "https://user@login.example.org/",
                "http://localhost.example.org/x", " ", "https://a b"}) {
            assertThatThrownBy(() -> provider(refused)).as(refused).isInstanceOf(InvalidField.class)
                    .extracting(e -> ((InvalidField) e).field()).isEqualTo("issuer");
        }
    }

    @Test
    void theSecretIsNamedNeverGivenAndTheEmailClaimDefaultsToEmail() {
        IdentityProvider provider = new IdentityProvider("org", "https://idp.example.org", "waypoint", "WAYPOINT_IDP_SECRET", " ");

        assertThat(provider.secretName()).isEqualTo("WAYPOINT_IDP_SECRET");
        assertThat(provider.emailClaim()).isEqualTo("email");
        assertThatThrownBy(() -> new IdentityProvider("org", "https://idp.example.org", "waypoint", "s3cr3t=value!", null))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("secretName");
        assertThatThrownBy(() -> new IdentityProvider("org", "https://idp.example.org", "way point", "SECRET", null))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("clientId");
        assertThatThrownBy(() -> new IdentityProvider("org", "https://idp.example.org", "waypoint", "SECRET", "e mail"))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("emailClaim");
    }

    private static IdentityProvider provider(String issuer) {
        return new IdentityProvider("org", issuer, "waypoint", "SECRET", "email");
    }
}
