package org.waypoint.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages are stateless views (ADR 0018): at a postback Faces builds the page again and finds the
 * button pressed and the fields sent by their client ids. An id Faces makes up itself ({@code j_idt…})
 * is numbered in the order components are made, which is not the same when the page is built again
 * for the postback, so a button or field whose id, or whose repeat's id, was made up is never found:
 * the press does nothing and the page comes back unchanged. Every form, button and field therefore
 * has an id of its own, and so has every repeat holding one.
 */
class StatelessViewIdsTest {

    private static final Path PAGES = Path.of("src/main/webapp");
    private static final Pattern ACTING = Pattern.compile("<h:(commandButton|commandLink|form|input\\w*|select\\w*|textarea\\w*)\\b([^>]*)>");
    private static final Pattern REPEAT = Pattern.compile("<ui:repeat\\b([^>]*)>");

    @Test
    void everyFormButtonAndFieldAndEveryRepeatHoldingOneHasItsOwnId() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String page = Files.readString(file);
                Matcher acting = ACTING.matcher(page);
                while (acting.find()) {
                    if (!hasId(acting.group(2))) {
                        missing.add(file + ":" + line(page, acting.start()) + " <h:" + acting.group(1) + ">");
                    }
                }
                Matcher repeat = REPEAT.matcher(page);
                while (repeat.find()) {
                    if (!hasId(repeat.group(1)) && ACTING.matcher(body(page, repeat.end())).find()) {
                        missing.add(file + ":" + line(page, repeat.start()) + " <ui:repeat> holding a form, button or field");
                    }
                }
            }
        }
        assertThat(missing).as("components whose client id Faces would make up").isEmpty();
    }

    /** Proves the check finds what it looks for. */
    @Test
    void theCheckSeesAMadeUpId() {
        assertThat(hasId(" value=\"Go\" action=\"#{page.go}\"")).isFalse();
        assertThat(hasId(" id=\"go\" value=\"Go\"")).isTrue();
        String page = "<ui:repeat value=\"#{x}\"><h:form id=\"f\"/></ui:repeat><h:form/>";
        assertThat(body(page, page.indexOf('>') + 1)).isEqualTo("<h:form id=\"f\"/>");
    }

    private static boolean hasId(String attributes) {
        return Pattern.compile("(^|\\s)id=\"[^\"]+\"").matcher(attributes).find();
    }

    /** What lies between a repeat's opening tag, ending at {@code from}, and its closing tag. */
    private static String body(String page, int from) {
        int depth = 1;
        int at = from;
        while (depth > 0) {
            int open = page.indexOf("<ui:repeat", at);
            int close = page.indexOf("</ui:repeat>", at);
            if (open != -1 && open < close) {
                depth++;
                at = open + 1;
            } else {
                depth--;
                at = close + 1;
            }
        }
        return page.substring(from, at - 1);
    }

    private static int line(String page, int offset) {
        return (int) page.substring(0, offset).lines().count();
    }
}
