package org.waypoint.api.problem;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A stack trace without messages: exception classes and frames only, causes and suppressed
 * included. Messages from drivers and parsers can quote the values that were sent, and personal
 * data must never reach a log.
 */
final class SafeTrace {

    private static final int MAX_DEPTH = 16;

    private SafeTrace() {
    }

    static String of(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        append(out, thrown, "", new IdentityHashMap<>(), 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Throwable t, String prefix, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth > MAX_DEPTH) {
            return;
        }
        if (seen.put(t, Boolean.TRUE) != null) {
            out.append(prefix).append("[circular reference: ").append(t.getClass().getName()).append(']').append(System.lineSeparator());
            return;
        }
        out.append(prefix).append(t.getClass().getName()).append(System.lineSeparator());
        for (StackTraceElement frame : t.getStackTrace()) {
            out.append("\tat ").append(frame).append(System.lineSeparator());
        }
        for (Throwable suppressed : t.getSuppressed()) {
            append(out, suppressed, "Suppressed: ", seen, depth + 1);
        }
        append(out, t.getCause(), "Caused by: ", seen, depth + 1);
    }
}
