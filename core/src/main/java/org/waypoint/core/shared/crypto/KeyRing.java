package org.waypoint.core.shared.crypto;

import static org.waypoint.core.shared.config.BootSettings.CRYPTO_ACTIVE_KEY;
import static org.waypoint.core.shared.config.BootSettings.CRYPTO_HMAC_KEY;
import static org.waypoint.core.shared.config.BootSettings.CRYPTO_KEYS;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.waypoint.core.shared.config.BootSettings;

/**
 * The keys that protect personal data: AES-256 keys by short id ({@code k1}, {@code k2}), one of
 * them active for new values, and a separate HMAC-SHA256 key for blind indexes.
 *
 * <p>In production they come from {@code waypoint.crypto.keys} ({@code k1:base64,k2:base64}),
 * {@code waypoint.crypto.active-key} (by default the last id listed) and
 * {@code waypoint.crypto.hmac-key}. When none is set, they come from {@code keys.properties} in the
 * data folder, generated there on first use, so that a developer's machine and the tests need no
 * set-up. Errors name the setting, never the key material.
 */
public final class KeyRing {

    public static final String FILE_NAME = "keys.properties";

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
    static final int MAX_KEY_ID_LENGTH = 8;
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_KEY_ID_LENGTH + "}");
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecretKey indexKey;

    private KeyRing(Map<String, SecretKey> keys, String activeKeyId, SecretKey indexKey) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
        this.indexKey = indexKey;
    }

    /** The keys this process is configured with, or else the ones kept in the data folder. */
    public static KeyRing load(BootSettings settings) {
        return load(settings.cryptoKeys(), settings.cryptoActiveKey(), settings.cryptoHmacKey(),
                settings.dataDirectory());
    }

    /** A ring of one fresh key, {@code k1}, and a fresh HMAC key, kept nowhere. */
    public static KeyRing generate() {
        Properties generated = generatedSettings();
        return parse(generated.getProperty(CRYPTO_KEYS), generated.getProperty(CRYPTO_ACTIVE_KEY),
                generated.getProperty(CRYPTO_HMAC_KEY));
    }

    static KeyRing load(Optional<String> keys, Optional<String> activeKey, Optional<String> hmacKey, Path dataDirectory) {
        if (keys.isPresent() && hmacKey.isPresent()) {
            return parse(keys.get(), activeKey.orElse(null), hmacKey.get());
        }
        if (keys.isPresent() || hmacKey.isPresent() || activeKey.isPresent()) {
            throw new IllegalStateException("set both " + setting(CRYPTO_KEYS) + " and " + setting(CRYPTO_HMAC_KEY)
                    + ", optionally with " + setting(CRYPTO_ACTIVE_KEY) + ", or none of them for keys generated locally");
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        KeyRing ring = loadOrGenerate(file);
        LOG.warning(() -> "Field encryption uses keys generated on this machine, kept in " + file
                + "; production must set " + BootSettings.environmentName(CRYPTO_KEYS) + " and "
                + BootSettings.environmentName(CRYPTO_HMAC_KEY));
        return ring;
    }

    /** Parses the three settings; {@code activeKey} may be null for the last id listed. */
    static KeyRing parse(String keys, String activeKey, String hmacKey) {
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        String[] entries = keys.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException(setting(CRYPTO_KEYS) + ": entry " + (i + 1)
                        + " is not of the form id:base64key, with an id of 1 to " + MAX_KEY_ID_LENGTH + " letters, digits, '-' or '_'");
            }
            if (ring.containsKey(id)) {
                throw new IllegalStateException(setting(CRYPTO_KEYS) + ": key id " + id + " is listed twice");
            }
            ring.put(id, aesKey(entry.substring(colon + 1), setting(CRYPTO_KEYS) + ": key " + id));
        }
        String active = activeKey == null ? lastOf(ring) : activeKey.strip();
        if (!ring.containsKey(active)) {
            throw new IllegalStateException(setting(CRYPTO_ACTIVE_KEY) + " names a key id that "
                    + setting(CRYPTO_KEYS) + " does not list; it lists " + ring.keySet());
        }
        byte[] hmac = decode(hmacKey, setting(CRYPTO_HMAC_KEY));
        try {
            for (SecretKey key : ring.values()) {
                if (MessageDigest.isEqual(key.getEncoded(), hmac)) {
                    throw new IllegalStateException(setting(CRYPTO_HMAC_KEY) + " must differ from every key in "
                            + setting(CRYPTO_KEYS));
                }
            }
            return new KeyRing(ring, active, new SecretKeySpec(hmac, "HmacSHA256"));
        } finally {
            Arrays.fill(hmac, (byte) 0);
        }
    }

    /** The ids of every key, in the order they were listed. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** The id of the key that encrypts new values. */
    public String activeKeyId() {
        return activeKeyId;
    }

    SecretKey activeKey() {
        return keys.get(activeKeyId);
    }

    Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    SecretKey indexKey() {
        return indexKey;
    }

    @Override
    public String toString() {
        return "KeyRing[keys=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }

    private static String lastOf(Map<String, SecretKey> ring) {
        String last = null;
        for (String id : ring.keySet()) {
            last = id;
        }
        return last;
    }

    private static SecretKey aesKey(String base64, String what) {
        byte[] bytes = decode(base64, what);
        try {
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] decode(String base64, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: not passed on.
            throw new IllegalStateException(what + " is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalStateException(what + " is " + length + " bytes long; it must be " + KEY_BYTES
                    + " (" + KEY_BYTES * 8 + " bits)");
        }
        return bytes;
    }

    private static String setting(String key) {
        return key + " (" + BootSettings.environmentName(key) + ")";
    }

    /**
     * Reads the key file, or writes a new one. The new file is written whole under a temporary name,
     * then published with a hard link, which, unlike a rename, fails when the file already exists:
     * of two processes starting at once, the second reads the first one's keys instead of replacing
     * them after the first has begun to encrypt with them.
     */
    static KeyRing loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp", ownerOnly(directory));
            try {
                write(generatedSettings(), temporary);
                publish(temporary, file);
            } catch (FileAlreadyExistsException lostTheRace) {
                // another process published its keys first: use those
            } finally {
                Files.deleteIfExists(temporary);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    private static void publish(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            // Without REPLACE_EXISTING the move refuses an existing file, atomically on Windows.
            Files.move(temporary, file);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static Properties generatedSettings() {
        Base64.Encoder base64 = Base64.getEncoder();
        Properties settings = new Properties();
        settings.setProperty(CRYPTO_KEYS, "k1:" + base64.encodeToString(randomKey()));
        settings.setProperty(CRYPTO_ACTIVE_KEY, "k1");
        settings.setProperty(CRYPTO_HMAC_KEY, base64.encodeToString(randomKey()));
        return settings;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    private static void write(Properties settings, Path temporary) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                Writer writer = Channels.newWriter(channel, StandardCharsets.ISO_8859_1)) {
            settings.store(writer, "Waypoint field encryption keys, generated for this machine only. "
                    + "Losing this file loses the data it protects; never use it in production.");
            writer.flush();
            channel.force(true);
        }
    }

    private static KeyRing read(Path file) throws IOException {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            settings.load(reader);
        }
        String keys = settings.getProperty(CRYPTO_KEYS);
        String hmacKey = settings.getProperty(CRYPTO_HMAC_KEY);
        if (keys == null || hmacKey == null) {
            throw new IllegalStateException("the key file " + file + " lacks " + CRYPTO_KEYS + " or " + CRYPTO_HMAC_KEY);
        }
        try {
            return parse(keys, settings.getProperty(CRYPTO_ACTIVE_KEY), hmacKey);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the key file " + file + ": " + e.getMessage());
        }
    }
}
