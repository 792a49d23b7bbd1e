package org.waypoint.notifications.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.waypoint.notifications.outbox.OutgoingMail;

/**
 * With no SMTP server configured, each message is written as {@code <outbox id>.eml} to a folder
 * ({@code <data dir>/mail/} in the application), exactly as it would have been sent, for an
 * administrator to read. A file appears whole or not at all.
 */
public final class PickupFolder implements MailGateway {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String SUFFIX = ".eml";

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());
    private final MimeMessages messages;

    public PickupFolder(Path folder, MimeMessages messages) {
        this.folder = folder;
        this.messages = messages;
    }

    @Override
    public Connection open() throws MessagingException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new MessagingException("the pickup folder cannot be made", e);
        }
        return new Connection() {
            @Override
            public void send(OutgoingMail mail) throws MessagingException {
                write(mail);
            }

            @Override
            public void close() {
                // nothing is held open
            }
        };
    }

    private void write(OutgoingMail mail) throws MessagingException {
        Path target = file(mail.id());
        Path partial = folder.resolve(mail.id() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            messages.build(session, mail).writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("the message cannot be written to the pickup folder", e);
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MessagingException("the message cannot be moved into the pickup folder", e);
        }
    }

    /** The messages written so far, newest first. */
    public List<PickupFile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<PickupFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = path.getFileName().toString();
                if (name.endsWith(SUFFIX) && ID.matcher(name.substring(0, name.length() - SUFFIX.length())).matches()) {
                    files.add(new PickupFile(name.substring(0, name.length() - SUFFIX.length()), Files.size(path),
                            Files.getLastModifiedTime(path).toInstant()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the pickup folder cannot be read", e);
        }
        files.sort(Comparator.comparing(PickupFile::written).reversed().thenComparing(PickupFile::outboxId));
        return files;
    }

    /** The whole message written for an outbox row, as it would have gone over SMTP. */
    public Optional<String> read(String outboxId) {
        if (!ID.matcher(outboxId).matches()) {
            return Optional.empty();
        }
        Path path = file(outboxId);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path, StandardCharsets.US_ASCII)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the pickup file cannot be read", e);
        }
    }

    /** The subject of the message written for an outbox row, read from its headers only (subjects are generic by design). */
    public Optional<String> subject(String outboxId) {
        if (!ID.matcher(outboxId).matches()) {
            return Optional.empty();
        }
        Path path = file(outboxId);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(path)) {
            String subject = new InternetHeaders(in).getHeader("Subject", null);
            return subject == null ? Optional.empty() : Optional.of(MimeUtility.decodeText(MimeUtility.unfold(subject)));
        } catch (IOException | MessagingException e) {
            throw new UncheckedIOException("the pickup file cannot be read", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private Path file(String outboxId) {
        return folder.resolve(outboxId + SUFFIX);
    }

    @Override
    public String toString() {
        return "PickupFolder";
    }
}
