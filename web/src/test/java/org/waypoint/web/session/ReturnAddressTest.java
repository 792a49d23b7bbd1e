package org.waypoint.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"/referrals/0b5c6f8e-1111-2222-3333-444455556666", "/referrals", "/", "/admin/users",
            "/referrals?status=REQUESTED&page=2", "/account"})
    void aPathOnThisSiteIsFollowed(String path) {
        assertThat(ReturnAddress.checked(path)).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://elsewhere.example", "http://elsewhere.example/referrals", "//elsewhere.example",
            "///elsewhere.example", "/\\elsewhere.example", "\\\\elsewhere.example", "/%2F%2Felsewhere.example",
            "/%2f/elsewhere.example", "/%5Celsewhere.example", "%2F%2Felsewhere.example", "https:%2F%2Felsewhere.example",
            "javascript:alert(1)", "/referrals\r\nLocation: https://elsewhere.example", " //elsewhere.example",
            "\t//elsewhere.example", "/sign-in", "/sign-in?returnTo=/account", "/sign-out", "referrals", ""})
    void anythingElseIsIgnored(String candidate) {
        assertThat(ReturnAddress.checked(candidate)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nothingAndVeryLongAddressesAreIgnored() {
        assertThat(ReturnAddress.checked(null)).isEmpty();
        assertThat(ReturnAddress.checked("/" + "a".repeat(600))).isEmpty();
    }
}
