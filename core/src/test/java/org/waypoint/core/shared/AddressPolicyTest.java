package org.waypoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @Test
    void urlsMustBeHttpsOnPublicAddressesUnlessTheSettingsSayOtherwise() throws Exception {
        AddressPolicy strict = new AddressPolicy(false, false);
        assertThatThrownBy(() -> strict.check("http://203.0.113.7/hook")).hasMessage("url must be https");
        assertThatThrownBy(() -> strict.check("https://127.0.0.1:8443/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check("https://10.1.2.3/hook")).hasMessageContaining("private");
        assertThatThrownBy(() -> strict.check("https://169.254.169.254/latest/meta-data")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.check("https://[::1]/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check("https://user:secret@203.0.113.7/hook")).hasMessageContaining("password");
        assertThatThrownBy(() -> strict.check("ftp://203.0.113.7/hook")).hasMessage("url must be https");
        assertThatThrownBy(() -> strict.check("https://exa mple.org/")).hasMessage("url is not a valid URL");
        assertThat(strict.check("https://203.0.113.7/hook")).hasHost("203.0.113.7");
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("100.64.0.1"))).isFalse();
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("fd00::1"))).isFalse();
        assertThat(AddressPolicy.isPublic(InetAddress.getByName("2001:db8::1"))).isTrue();

        AddressPolicy development = new AddressPolicy(true, true);
        assertThat(development.check("http://127.0.0.1:9000/hook")).hasPort(9000);
    }

    @Test
    void aRefusalNamesTheRuleAndNeverTheUrl() {
        AddressPolicy strict = new AddressPolicy(true, false);
        assertThatThrownBy(() -> strict.check("http://10.9.8.7/secret-path?token=abc"))
                .hasMessage("url's host is a loopback, private or link-local address, which the server does not call")
                .hasMessageNotContaining("10.9.8.7").hasMessageNotContaining("secret");
    }
}
