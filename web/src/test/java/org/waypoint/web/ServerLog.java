package org.waypoint.web;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's log as the tests see it: Arquillian copies Payara Micro's console to this JVM's
 * standard output ({@code outputToConsole} in arquillian.xml), line by line. Once installed, the
 * lines written since the last {@link #clear()} are kept (the most recent 200,000) besides being
 * written on as before.
 */
final class ServerLog {

    private static final int MAX_LINES = 200_000;
    private static final List<String> LINES = new ArrayList<>();
    private static boolean installed;
    private static long seen;

    private ServerLog() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public void write(int b) {
                original.write(b);
                synchronized (ServerLog.class) {
                    if (b == '\n') {
                        keep(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
        installed = true;
    }

    private static void keep(String text) {
        seen++;
        if (LINES.size() >= MAX_LINES) {
            LINES.remove(0);
        }
        LINES.add(text);
    }

    static synchronized void clear() {
        LINES.clear();
    }

    /** How many lines were written since {@link #install()}, cleared or not. */
    static synchronized long seen() {
        return seen;
    }

    static synchronized List<String> lines() {
        return List.copyOf(LINES);
    }
}
