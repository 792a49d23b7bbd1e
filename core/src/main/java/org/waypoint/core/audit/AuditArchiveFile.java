package org.waypoint.core.audit;

import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An archive file of audit events: gzip'd JSON lines, one event a line ({@link AuditEvent#toArchive()}),
 * written under a temporary name, synced to disk and only then given its own name, so that a file with
 * an archive's name is always whole. Its SHA-256 is over the file's bytes as stored.
 */
public final class AuditArchiveFile implements AutoCloseable {

    private final Path part;
    private final Path target;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final GZIPOutputStream gzip;
    private final Writer writer;
    private boolean finished;

    private AuditArchiveFile(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        this.target = folder.resolve(name);
        this.part = folder.resolve(name + ".part");
        this.channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.digest = sha256();
        OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
        this.gzip = new GZIPOutputStream(out);
        this.writer = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
    }

    /** Starts the file {@code name} in {@code folder}, created if missing. */
    public static AuditArchiveFile create(Path folder, String name) throws IOException {
        return new AuditArchiveFile(folder, name);
    }

    public void add(AuditEvent event) throws IOException {
        writer.write(event.toArchive().toString());
        writer.write('\n');
    }

    /** Ends the file, syncs it to disk and gives it its name; returns its SHA-256 in lower-case hex. */
    public String finish() throws IOException {
        writer.flush();
        gzip.finish();
        channel.force(true);
        channel.close();
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A file not finished is removed: no half-written archive is left. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            channel.close();
            Files.deleteIfExists(part);
        }
    }

    /** The SHA-256 of a file as stored, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Every event in an archive file, in the order written. */
    public static List<AuditEvent> read(Path file) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                try (var reader = Json.createReader(new StringReader(line))) {
                    events.add(AuditEvent.fromArchive(reader.readObject()));
                }
            }
        }
        return events;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
