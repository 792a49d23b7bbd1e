package org.waypoint.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.waypoint.core.account.AccountService;
import org.waypoint.core.account.Role;
import org.waypoint.core.shared.Actor;

class SessionSignInTest {

    private static final Actor CASEWORKER = new Actor("user-1", "org-1", Role.CASEWORKER);
    private static final Instant NINE_AM = Instant.parse("2026-11-30T09:00:00Z");

    private boolean accountEnabled = true;
    private Instant passwordChangedAt = Instant.MIN;
    private final AccountService accounts = new AccountService() {
        @Override
        public Optional<Actor> actorOf(String userId, Instant signedInAt) {
            return accountEnabled && !signedInAt.isBefore(passwordChangedAt) && userId.equals(CASEWORKER.userId())
                    ? Optional.of(CASEWORKER) : Optional.empty();
        }
    };
    private final Browser browser = new Browser();

    @Test
    void signingInGivesTheSessionANewIdAndKeepsOnlyWhoAndWhen() {
        browser.request().getSession(true);
        String planted = browser.sessionId;

        sessions(NINE_AM).signIn(browser.request(), CASEWORKER);

        assertThat(browser.sessionId).isNotEqualTo(planted);
        assertThat(sessions(NINE_AM.plusSeconds(60)).actor(browser.request())).contains(CASEWORKER);
        assertThat(browser.attributes.values()).singleElement().asString().doesNotContain("CASEWORKER", "org-1");
    }

    @Test
    void aSessionEndsEightHoursAfterSignInHoweverBusy() {
        sessions(NINE_AM).signIn(browser.request(), CASEWORKER);

        assertThat(sessions(NINE_AM.plus(Duration.ofHours(8))).actor(browser.request())).contains(CASEWORKER);
        assertThat(sessions(NINE_AM.plus(Duration.ofHours(8)).plusSeconds(1)).actor(browser.request())).isEmpty();
        assertThat(browser.invalidated).isTrue();
    }

    @Test
    void aDisabledAccountIsSignedOutAtItsNextRequest() {
        sessions(NINE_AM).signIn(browser.request(), CASEWORKER);
        accountEnabled = false;

        assertThat(sessions(NINE_AM.plusSeconds(60)).actor(browser.request())).isEmpty();
        assertThat(browser.invalidated).isTrue();
    }

    @Test
    void aPasswordChangeEndsTheSessionsSignedInBeforeItAndSigningInAgainKeepsTheOneThatChangedIt() {
        Browser other = new Browser();
        sessions(NINE_AM).signIn(other.request(), CASEWORKER);
        sessions(NINE_AM).signIn(browser.request(), CASEWORKER);
        passwordChangedAt = NINE_AM.plusSeconds(60);
        sessions(NINE_AM.plusSeconds(60)).signIn(browser.request(), CASEWORKER);

        assertThat(sessions(NINE_AM.plusSeconds(120)).actor(other.request())).isEmpty();
        assertThat(other.invalidated).isTrue();
        assertThat(sessions(NINE_AM.plusSeconds(120)).actor(browser.request())).contains(CASEWORKER);
    }

    @Test
    void noSessionOrAnotherSessionsAttributesSignNobodyIn() {
        assertThat(sessions(NINE_AM).actor(browser.request())).isEmpty();
        browser.request().getSession(true).setAttribute("waypoint.signedIn", "user-1");
        assertThat(sessions(NINE_AM).actor(browser.request())).isEmpty();
    }

    private SessionSignIn sessions(Instant now) {
        return new SessionSignIn(accounts, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** One browser's session, as much of the servlet API as signing in uses. */
    private static final class Browser {
        final Map<String, Object> attributes = new HashMap<>();
        String sessionId;
        boolean invalidated;

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getSession" -> {
                            boolean create = args == null || (Boolean) args[0];
                            if (sessionId == null && create) {
                                sessionId = UUID.randomUUID().toString();
                                invalidated = false;
                            }
                            yield sessionId == null ? null : session();
                        }
                        case "changeSessionId" -> sessionId = UUID.randomUUID().toString();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private HttpSession session() {
            return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "invalidate" -> {
                            attributes.clear();
                            sessionId = null;
                            invalidated = true;
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
