package org.waypoint.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.api.problem.ProblemType;
import org.waypoint.core.shared.Page;

/**
 * What every list of the API reads the same way: {@code page} (from 0) and {@code size} (1 to
 * {@link Page#MAX_SIZE}; a larger size is refused, never cut), {@code sort} from the list's own
 * choices, and {@code updatedSince}, an ISO-8601 instant.
 */
public final class Lists {

    public static final String DEFAULT_SIZE = "20";

    private Lists() {
    }

    /** One page of a list already in memory, in its order. */
    public static <T> PageResponse<T> page(List<T> all, int page, int size) {
        Page.requireValid(page, size);
        long from = (long) page * size;
        List<T> items = from >= all.size() ? List.of()
                : List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
        return new PageResponse<>(items, all.size(), page, size);
    }

    /** The order a {@code sort} value names among the list's choices (the first is the default when none is given). */
    public static <T> T sort(String value, Map<String, T> choices) {
        if (value == null || value.isBlank()) {
            return choices.values().iterator().next();
        }
        T chosen = choices.get(value.strip());
        if (chosen == null) {
            throw new ProblemException(ProblemType.VALIDATION, "sort is one of " + String.join(", ", choices.keySet()));
        }
        return chosen;
    }

    /** The same, for a list sorted in memory: {@code -key} is the reverse of {@code key}. */
    public static <T> Comparator<T> comparator(String value, Map<String, Comparator<T>> ascending) {
        Map<String, Comparator<T>> choices = new java.util.LinkedHashMap<>();
        ascending.forEach((key, order) -> {
            choices.put(key, order);
            choices.put("-" + key, order.reversed());
        });
        return sort(value, choices);
    }

    /**
     * One page of entries that never change once recorded (a timeline, messages): those recorded at or
     * after {@code updatedSince}, oldest first ({@code sort=at}) or newest first ({@code sort=-at}).
     */
    public static <T> PageResponse<T> recorded(List<T> entries, Function<T, Instant> at, String updatedSince,
                                               String sort, int page, int size) {
        Optional<Instant> since = since(updatedSince);
        Comparator<T> order = comparator(sort, Map.of("at", Comparator.comparing(at)));
        Page.requireValid(page, size);
        return page(entries.stream().filter(e -> since.map(s -> !at.apply(e).isBefore(s)).orElse(true))
                .sorted(order).toList(), page, size);
    }

    /** An {@code updatedSince} value: an ISO-8601 instant such as {@code 2026-03-02T09:30:00Z}. */
    public static Optional<Instant> since(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.VALIDATION, "updatedSince is an ISO-8601 instant in UTC, such as 2026-03-02T09:30:00Z");
        }
    }
}
