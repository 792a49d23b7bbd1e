package org.waypoint.core.subjectaccess;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What an export holds, in sections of items of named fields, and the one download made of it: a
 * ZIP of a readable HTML document and a JSON file with the same content. Personal data throughout:
 * it is written only to the stream it is given, never to a file, and {@link #toString()} says nothing.
 */
public record SubjectAccessDocument(String title, List<Section> sections) {

    /** The file names inside the download. */
    public static final String HTML = "subject-access.html";
    public static final String JSON = "subject-access.json";

    /** One part of the export: the person, their referrals, the reads of their record… */
    public record Section(String key, String title, List<Item> items) {

        /** The items hold the person's data: never printed. */
        @Override
        public String toString() {
            return "Section[" + key + ", " + items.size() + " items]";
        }
    }

    /** One thing in a section (a referral, a message, a read); its fields in order, values as text. */
    public record Item(String title, Map<String, String> fields) {

        /** The title and fields may name the person: never printed. */
        @Override
        public String toString() {
            return "Item[" + fields.size() + " fields …]";
        }
    }

    /** Writes the ZIP to {@code out} and finishes it; {@code out} is left open for its owner to close. */
    public void writeZip(OutputStream out) {
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(HTML));
            Writer html = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            writeHtml(html);
            html.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(JSON));
            JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createGenerator(zip, StandardCharsets.UTF_8);
            writeJson(json);
            json.flush();
            zip.closeEntry();
            zip.finish();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeHtml(Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>body{font-family:Arial,sans-serif;margin:2em;max-width:60em}"
                + "dt{font-weight:bold}dd{margin:0 0 .5em 0;white-space:pre-wrap}h3{margin-top:1.5em}</style>"
                + "</head><body>\n<h1>" + escape(title) + "</h1>\n");
        for (Section section : sections) {
            out.write("<h2>" + escape(section.title()) + "</h2>\n");
            if (section.items().isEmpty()) {
                out.write("<p>None.</p>\n");
            }
            for (Item item : section.items()) {
                out.write("<h3>" + escape(item.title()) + "</h3>\n<dl>\n");
                for (Map.Entry<String, String> field : item.fields().entrySet()) {
                    out.write("<dt>" + escape(words(field.getKey())) + "</dt><dd>" + escape(field.getValue()) + "</dd>\n");
                }
                out.write("</dl>\n");
            }
        }
        out.write("</body></html>\n");
    }

    private void writeJson(JsonGenerator json) {
        json.writeStartObject().write("title", title);
        for (Section section : sections) {
            json.writeStartArray(section.key());
            for (Item item : section.items()) {
                json.writeStartObject();
                item.fields().forEach(json::write);
                json.writeEnd();
            }
            json.writeEnd();
        }
        json.writeEnd();
    }

    /** A field's key as words: {@code dateOfBirth} is "Date of birth". */
    static String words(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return "SubjectAccessDocument[…]";
    }
}
