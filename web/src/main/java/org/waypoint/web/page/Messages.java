package org.waypoint.web.page;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The pages' words, for backing beans: the same bundle the pages read as {@code msg}. */
public final class Messages {

    private static final String BUNDLE = "org.waypoint.web.messages";

    private Messages() {
    }

    public static String text(String key, Object... arguments) {
        return fromBundle(BUNDLE, key, arguments);
    }

    /** The words for {@code key} in a bundle of the pages, with the arguments filled in. */
    public static String fromBundle(String bundle, String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(bundle, Locale.UK).getString(key);
        // The bundle writes an apostrophe as an apostrophe; MessageFormat would take it for a quote and drop it.
        return arguments.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), Locale.UK).format(arguments);
    }
}
