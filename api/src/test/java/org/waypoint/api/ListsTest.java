package org.waypoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waypoint.api.problem.ProblemException;
import org.waypoint.core.shared.InvalidField;

class ListsTest {

    @Test
    void aPageOfAListInMemoryKnowsTheWholeLength() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);

        assertThat(Lists.page(all, 1, 2)).isEqualTo(new PageResponse<>(List.of(3, 4), 5, 1, 2));
        assertThat(Lists.page(all, 2, 2).items()).containsExactly(5);
        assertThat(Lists.page(all, 9, 2)).isEqualTo(new PageResponse<>(List.of(), 5, 9, 2));
    }

    @Test
    void aSizeAboveTheLimitIsRefusedNotCut() {
        assertThatThrownBy(() -> Lists.page(List.of(1), 0, 101)).isInstanceOf(InvalidField.class)
                .hasMessage("size is between 1 and 100");
        assertThatThrownBy(() -> Lists.page(List.of(1), -1, 10)).isInstanceOf(InvalidField.class);
    }

    @Test
    void aSortIsOneOfTheListsOwnAndADashReversesIt() {
        Map<String, Comparator<String>> orders = Map.of("length", Comparator.comparing(String::length));

        assertThat(List.of("ccc", "a", "bb").stream().sorted(Lists.comparator("-length", orders)).toList())
                .containsExactly("ccc", "bb", "a");
        assertThat(List.of("ccc", "a", "bb").stream().sorted(Lists.comparator(null, orders)).toList())
                .containsExactly("a", "bb", "ccc");
        assertThatThrownBy(() -> Lists.comparator("size", orders)).isInstanceOf(ProblemException.class)
                .hasMessage("sort is one of length, -length");
    }

    @Test
    void recordedEntriesAreFilteredByTheirTimeAndSortedByIt() {
        record Entry(String what, Instant at) {
        }
        Instant nine = Instant.parse("2026-03-02T09:00:00Z");
        List<Entry> entries = List.of(new Entry("a", nine), new Entry("b", nine.plusSeconds(60)),
                new Entry("c", nine.plusSeconds(120)));

        assertThat(Lists.recorded(entries, Entry::at, "2026-03-02T09:01:00Z", "-at", 0, 20).items())
                .extracting(Entry::what).containsExactly("c", "b");
        assertThat(Lists.recorded(entries, Entry::at, null, null, 1, 2).items()).extracting(Entry::what).containsExactly("c");
        assertThatThrownBy(() -> Lists.recorded(entries, Entry::at, null, "what", 0, 20))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void updatedSinceIsAnIsoInstant() {
        assertThat(Lists.since("2026-03-02T09:30:00Z")).contains(Instant.parse("2026-03-02T09:30:00Z"));
        assertThat(Lists.since(null)).isEmpty();
        assertThatThrownBy(() -> Lists.since("yesterday")).isInstanceOf(ProblemException.class)
                .hasMessageNotContaining("yesterday");
    }

    @Test
    void aWeakTagFollowsTheContentAndIfNoneMatchComparesWeakly() {
        EntityTag tag = ConditionalGet.weakTag(new PageResponse<>(List.of("a"), 1, 0, 20));

        assertThat(tag.isWeak()).isTrue();
        assertThat(ConditionalGet.weakTag(new PageResponse<>(List.of("a"), 1, 0, 20))).isEqualTo(tag);
        assertThat(ConditionalGet.weakTag(new PageResponse<>(List.of("b"), 1, 0, 20))).isNotEqualTo(tag);
        assertThat(ConditionalGet.matches("W/\"" + tag.getValue() + "\"", tag)).isTrue();
        assertThat(ConditionalGet.matches("\"x\", \"" + tag.getValue() + "\"", tag)).isTrue();
        assertThat(ConditionalGet.matches("*", new EntityTag("3"))).isTrue();
        assertThat(ConditionalGet.matches("\"3\"", new EntityTag("3"))).isTrue();
        assertThat(ConditionalGet.matches("\"4\"", new EntityTag("3"))).isFalse();
        assertThat(ConditionalGet.matches(null, new EntityTag("3"))).isFalse();
    }
}
