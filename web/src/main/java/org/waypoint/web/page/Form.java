package org.waypoint.web.page;

import jakarta.faces.context.FacesContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading the plain radio buttons and checkboxes of a posted form (GOV.UK markup, see the
 * {@code radios} and {@code checkboxes} tags), and the choices they offer.
 */
public final class Form {

    private Form() {
    }

    /** One choice: the value sent, the words shown, and an optional hint. */
    public record Option(String value, String label, String hint) {

        public static <E extends Enum<E>> List<Option> of(E[] values, String messagePrefix) {
            return Arrays.stream(values).map(v -> new Option(v.name(), Messages.text(messagePrefix + v.name()), null)).toList();
        }
    }

    public static String value(String name) {
        return Pages.trimmed(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name));
    }

    /** The id the request parameter carries, or null when it carries none or something else. */
    public static String id(String name) {
        String value = value(name);
        return Pages.isId(value) ? value : null;
    }

    /** The record version the request parameter carries, or 0 (a version never read) when none. */
    public static long version(String name) {
        String value = value(name);
        return value != null && value.matches("\\d{1,18}") ? Long.parseLong(value) : 0;
    }

    public static Set<String> values(String name) {
        String[] sent = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap().get(name);
        return sent == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(sent));
    }

    /** The enum constant named by the request parameter, or null when none or an unknown one was sent. */
    public static <E extends Enum<E>> E choice(String name, Class<E> type) {
        return parse(value(name), type);
    }

    public static <E extends Enum<E>> E parse(String value, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }

    /** The enum constants named by the request parameter; unknown names are dropped. */
    public static <E extends Enum<E>> Set<E> choices(String name, Class<E> type) {
        Function<String, E> parse = v -> parse(v, type);
        Set<E> chosen = new LinkedHashSet<>();
        values(name).stream().map(parse).filter(java.util.Objects::nonNull).forEach(chosen::add);
        return chosen;
    }

    /** "yes" or "no" as a Boolean, null when neither was chosen. */
    public static Boolean yesNo(String name) {
        String v = value(name);
        return "yes".equals(v) ? Boolean.TRUE : "no".equals(v) ? Boolean.FALSE : null;
    }

    public static List<Option> yesNoOptions() {
        return List.of(new Option("yes", Messages.text("common.yes"), null), new Option("no", Messages.text("common.no"), null));
    }
}
