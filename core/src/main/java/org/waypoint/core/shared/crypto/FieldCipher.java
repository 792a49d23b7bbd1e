package org.waypoint.core.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.waypoint.core.shared.config.BootSettings;

/**
 * Encrypts single field values with AES-256-GCM and computes blind indexes over them.
 *
 * <p>A stored value reads {@code <keyId>:<base64(iv || ciphertext || tag)>}: the id of the key that
 * encrypted it, a colon, then standard padded Base64 of a random 12-byte IV, the AES-GCM ciphertext
 * (as long as the UTF-8 plaintext) and the 16-byte authentication tag. There is no associated data.
 * Because every value names its key, values written before a key rotation still decrypt, and
 * {@link #needsReEncryption} finds those to rewrite. Its length is given by {@link #storedLength}.
 *
 * <p>A blind index is the unpadded Base64url HMAC-SHA256 (43 characters) of a normalised value: equal
 * inputs give equal indexes, so rows can be matched without decrypting them; without the HMAC key the
 * index reveals only which rows share a value.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    // ʻ and ʼ are letters to Unicode, apostrophes to the people who write them in names.
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}\\p{IsWhite_Space}]+|[\u02BB\u02BC]");
    private static final Pattern SPACES = Pattern.compile("\\p{IsWhite_Space}+");
    /** Letters that Unicode does not decompose into a base letter and a mark. */
    private static final Map<Integer, String> UNDECOMPOSED = Map.of(
            (int) 'ø', "o", (int) 'ł', "l", (int) 'đ', "d", (int) 'ð', "d", (int) 'æ', "ae", (int) 'œ', "oe",
            (int) 'þ', "th", (int) 'ħ', "h");
    private static final Object LOCK = new Object();

    private static volatile FieldCipher current;

    private final KeyRing keys;

    public FieldCipher(KeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "key ring is required");
    }

    /**
     * The process's cipher, built on first use from {@link BootSettings#current()}: JPA converters are
     * created by EclipseLink, out of reach of injection.
     */
    public static FieldCipher current() {
        FieldCipher cipher = current;
        if (cipher == null) {
            synchronized (LOCK) {
                cipher = current;
                if (cipher == null) {
                    cipher = new FieldCipher(KeyRing.load(BootSettings.current()));
                    current = cipher;
                }
            }
        }
        return cipher;
    }

    /** The stored form of {@code plaintext}, encrypted with the active key; null stays null. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] text = plaintext.getBytes(StandardCharsets.UTF_8);
        ByteBuffer sealed = ByteBuffer.allocate(IV_BYTES + text.length + TAG_BYTES).put(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.activeKey(), new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.doFinal(ByteBuffer.wrap(text), sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
        return keys.activeKeyId() + ':' + Base64.getEncoder().encodeToString(sealed.array());
    }

    /**
     * The plaintext of a value {@link #encrypt} stored, whichever key of the ring encrypted it; null
     * stays null.
     *
     * @throws FieldDecryptionException if the value is not one this cipher wrote, was altered, or names
     *     a key the ring does not hold
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        String keyId = colon < 0 ? "" : stored.substring(0, colon);
        byte[] sealed = sealedBytes(stored, colon);
        if (!KeyRing.KEY_ID.matcher(keyId).matches() || sealed == null || sealed.length < IV_BYTES + TAG_BYTES) {
            // Not our shape, so the part before a colon may be personal data: it is not quoted.
            throw new FieldDecryptionException("the stored value is not an encrypted field value");
        }
        SecretKey key = keys.key(keyId).orElseThrow(() -> new FieldDecryptionException(
                "the stored value was encrypted with key " + keyId + ", which the key ring does not hold"));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, IV_BYTES));
            byte[] text = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return new String(text, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new FieldDecryptionException("the stored value encrypted with key " + keyId
                    + " fails its integrity check: altered, or encrypted with another key of that id", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    private static byte[] sealedBytes(String stored, int colon) {
        if (colon < 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether {@code stored} should be rewritten with the active key: it was encrypted with another
     * key, or is not encrypted at all. Null needs nothing.
     */
    public boolean needsReEncryption(String stored) {
        if (stored == null) {
            return false;
        }
        int colon = stored.indexOf(':');
        return colon < 0 || !stored.substring(0, colon).equals(keys.activeKeyId());
    }

    /** The id of the key that encrypts new values. */
    public String activeKeyId() {
        return keys.activeKeyId();
    }

    /** The blind index of a normalised value, such as {@link #personKey}'s. */
    public String blindIndex(String normalisedValue) {
        Objects.requireNonNull(normalisedValue, "the value to index is required");
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(keys.indexKey());
            byte[] hash = mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JVM", e);
        }
    }

    /**
     * The most characters {@link #encrypt} stores for a plaintext of {@code plaintextBytes} UTF-8 bytes
     * (up to 4 per character): {@code 9 + 4 * ceil((plaintextBytes + 28) / 3)}, with room for the
     * longest key id.
     */
    public static int storedLength(int plaintextBytes) {
        return KeyRing.MAX_KEY_ID_LENGTH + 1 + 4 * ((plaintextBytes + IV_BYTES + TAG_BYTES + 2) / 3);
    }

    /**
     * The normalised text that identifies a person for {@link #blindIndex}: each name case-folded,
     * stripped of accents and punctuation, its spaces collapsed, then both names and the ISO date of
     * birth joined with '|', which no normalised name holds. "Zoë  O'Brien-Smith" and
     * "zoe obriensmith" born the same day give the same key. A missing name counts as empty.
     */
    public static String personKey(String givenName, String familyName, LocalDate dateOfBirth) {
        Objects.requireNonNull(dateOfBirth, "date of birth is required");
        return normalisedName(givenName) + '|' + normalisedName(familyName) + '|' + dateOfBirth;
    }

    private static String normalisedName(String name) {
        if (name == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        // Upper then lower case folds what lower case alone keeps apart: ß and ss, ı and i.
        folded = folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder plain = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> plain.append(UNDECOMPOSED.getOrDefault(c, Character.toString(c))));
        String letters = NOT_NAME.matcher(plain).replaceAll("");
        return SPACES.matcher(letters).replaceAll(" ").strip();
    }

    @Override
    public String toString() {
        return "FieldCipher[" + keys + "]";
    }
}
