package org.waypoint.web.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.waypoint.web.page.Form.Option;
import org.waypoint.web.page.Messages;

/** The administration pages' words, for backing beans: the bundle the pages read as {@code adm}. */
final class AdminText {

    private static final String BUNDLE = "org.waypoint.web.admin";

    private AdminText() {
    }

    static String text(String key, Object... arguments) {
        return Messages.fromBundle(BUNDLE, key, arguments);
    }

    /** The choices of an enum, each labelled by {@code prefix + name} in this bundle. */
    static <E extends Enum<E>> List<Option> options(E[] values, String prefix) {
        return Arrays.stream(values).map(v -> new Option(v.name(), text(prefix + v.name()), null)).toList();
    }

    /** A query string of name, value pairs, for links that keep a page's filters; empty values are left out. */
    static String query(String... parameters) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            if (parameters[i + 1] == null || parameters[i + 1].isEmpty()) {
                continue;
            }
            query.append(query.isEmpty() ? '?' : '&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** A requested page number, from 0, within reason; anything else is the first page. */
    static int pageNumber(String page) {
        try {
            return Math.min(Math.max(Integer.parseInt(page == null ? "0" : page), 0), 10_000);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
