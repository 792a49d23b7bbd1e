package org.waypoint.api.limits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.api.problem.Problem;
import org.waypoint.api.problem.ProblemResponses;
import org.waypoint.api.problem.ProblemType;

/**
 * Limits every API request by the client's address before anything else is done for it, and the two
 * sign-in doors (a person's token, an API client's token) more tightly by address. Answers 429
 * problem+json with {@code Retry-After} beyond a limit, and tells every response its limits in the
 * {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimits implements ContainerRequestFilter, ContainerResponseFilter {

    /** The paths, below {@code /api/}, where credentials are traded for a token. */
    static final Set<String> SIGN_IN_PATHS = Set.of("v1/auth/token", "v1/oauth/token");
    private static final String OUTCOMES = "waypoint.rateLimits";

    @Inject
    RateLimiter limiter;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        long now = System.currentTimeMillis();
        String address = servletRequest.getRemoteAddr();
        count(request, limiter.acquire(RateLimiter.Policy.ADDRESS, address, now));
        if (SIGN_IN_PATHS.contains(stripSlashes(request.getUriInfo().getPath()))) {
            count(request, limiter.acquire(RateLimiter.Policy.SIGN_IN, address, now));
        }
    }

    /** Counts a request signed in with a token against that token's limit; run once the token is known. */
    static void countToken(ContainerRequestContext request, RateLimiter limiter, String token) {
        count(request, limiter.acquire(RateLimiter.Policy.TOKEN, sha256(token), System.currentTimeMillis()));
    }

    private static void count(ContainerRequestContext request, RateLimiter.Outcome outcome) {
        outcomes(request).add(outcome);
        if (!outcome.allowed() && request.getProperty(OUTCOMES + ".refused") == null) {
            request.setProperty(OUTCOMES + ".refused", outcome);
            request.abortWith(ProblemResponses.of(Problem.of(ProblemType.TOO_MANY_REQUESTS,
                            "more than " + outcome.quota() + " requests a minute (" + outcome.policy().label()
                                    + "); retry after " + outcome.resetSeconds() + " seconds")
                            .withInstance(request.getUriInfo().getRequestUri().getRawPath()))
                    .header(HttpHeaders.RETRY_AFTER, outcome.resetSeconds())
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<RateLimiter.Outcome> outcomes = outcomes(request);
        if (outcomes.isEmpty()) {
            return;
        }
        response.getHeaders().putSingle("RateLimit-Policy", outcomes.stream()
                .map(o -> "\"" + o.policy().label() + "\";q=" + o.quota() + ";w=" + RateLimiter.WINDOW_MILLIS / 1000)
                .collect(Collectors.joining(", ")));
        response.getHeaders().putSingle("RateLimit", outcomes.stream()
                .map(o -> "\"" + o.policy().label() + "\";r=" + o.remaining() + ";t=" + o.resetSeconds())
                .collect(Collectors.joining(", ")));
    }

    @SuppressWarnings("unchecked")
    private static List<RateLimiter.Outcome> outcomes(ContainerRequestContext request) {
        Object found = request.getProperty(OUTCOMES);
        if (found instanceof List<?> list) {
            return (List<RateLimiter.Outcome>) list;
        }
        List<RateLimiter.Outcome> created = new ArrayList<>(3);
        request.setProperty(OUTCOMES, created);
        return created;
    }

    private static String stripSlashes(String path) {
        String stripped = path.startsWith("/") ? path.substring(1) : path;
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
