package org.waypoint.web.page;

import org.waypoint.core.shared.DomainException;

/**
 * The one place that turns the domain's refusals into the pages' words: the bundle's text for the
 * refusal's key, filled in with its arguments (limits and codes, never what someone typed). The
 * exception's own English is the API's and never reaches a page.
 */
public final class Refusals {

    private Refusals() {
    }

    /** What the page says for a refusal, such as "Enter a reason of at most 500 characters". */
    public static String text(DomainException refused) {
        return Messages.text(refused.key(), refused.arguments());
    }
}
