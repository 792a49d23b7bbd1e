package org.waypoint.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waypoint.core.shared.DomainException;

/**
 * What was wrong with the form just sent, field by field, in the order of the form: the page shows
 * them in its error summary (each a link to its field) and beside each field.
 */
@Named("errors")
@RequestScoped
public class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Records the first problem with a field; the text is already in the reader's words. */
    public void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    /** Records a refusal from the domain against a field, in the bundle's words for it. */
    public void add(String field, DomainException refused) {
        add(field, Refusals.text(refused));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Whether there is anything to show ({@code empty} is a reserved word in the pages' expressions). */
    public boolean isAny() {
        return !byField.isEmpty();
    }

    public List<Error> getAll() {
        List<Error> all = new ArrayList<>();
        byField.forEach((field, message) -> all.add(new Error(field, message)));
        return all;
    }

    /** One problem: the id of the field and what to do about it. */
    public record Error(String field, String message) {
    }
}
