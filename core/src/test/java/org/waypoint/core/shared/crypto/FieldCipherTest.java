package org.waypoint.core.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.core.shared.crypto.TestKeys.randomKey;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldCipherTest {

    private static final LocalDate BORN = LocalDate.of(1990, 4, 17);

    private final String k1 = randomKey();
    private final String k2 = randomKey();
    private final String hmac = randomKey();
    private final FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + k1, null, hmac));

    @ParameterizedTest
    @ValueSource(strings = {"Zoë O'Brien-Smith", "", " ", "李小龙 · Ελένη · Алёна · 🙂 emoji", "line one\nline two\t"})
    void decryptsWhatItEncrypted(String plaintext) {
        String stored = cipher.encrypt(plaintext);

        assertThat(stored).startsWith("k1:");
        assertThat(cipher.decrypt(stored)).isEqualTo(plaintext);
    }

    @Test
    void decryptsLongText() {
        String statement = "A long account of what happened, in the person's own words. ".repeat(2_000);

        assertThat(cipher.decrypt(cipher.encrypt(statement))).isEqualTo(statement);
    }

    @Test
    void storesTheKeyIdAndBase64OfIvCiphertextAndTag() {
        String stored = cipher.encrypt("Alex");

        byte[] sealed = Base64.getDecoder().decode(stored.substring("k1:".length()));
        assertThat(sealed).hasSize(12 + "Alex".length() + 16);
    }

    @Test
    void encryptsTheSameValueDifferentlyEachTime() {
        Set<String> stored = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            stored.add(cipher.encrypt("Alex Morgan"));
        }

        assertThat(stored).hasSize(100);
    }

    @Test
    void keepsNullAsNull() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.needsReEncryption(null)).isFalse();
    }

    @Test
    void decryptsOldValuesAfterTheActiveKeyIsRotated() {
        String old = cipher.encrypt("Alex Morgan");
        FieldCipher rotated = new FieldCipher(KeyRing.parse("k1:" + k1 + ",k2:" + k2, null, hmac));

        String fresh = rotated.encrypt("Alex Morgan");

        assertThat(rotated.decrypt(old)).isEqualTo("Alex Morgan");
        assertThat(fresh).startsWith("k2:");
        assertThat(rotated.decrypt(fresh)).isEqualTo("Alex Morgan");
        assertThat(rotated.needsReEncryption(old)).isTrue();
        assertThat(rotated.needsReEncryption(fresh)).isFalse();
        assertThat(cipher.needsReEncryption(old)).isFalse();
    }

    @Test
    void encryptsWithTheKeyNamedActiveEvenWhenItIsNotTheLast() {
        FieldCipher pinned = new FieldCipher(KeyRing.parse("k1:" + k1 + ",k2:" + k2, "k1", hmac));

        assertThat(pinned.encrypt("Alex")).startsWith("k1:");
        assertThat(pinned.needsReEncryption(cipher.encrypt("Alex"))).isFalse();
    }

    @Test
    void valuesNeverEncryptedNeedEncrypting() {
        assertThat(cipher.needsReEncryption("Alex Morgan")).isTrue();
    }

    @Test
    void refusesAValueWithAnySingleByteAltered() {
        String stored = cipher.encrypt("Alex Morgan");
        byte[] sealed = Base64.getDecoder().decode(stored.substring(3));

        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            String tampered = "k1:" + Base64.getEncoder().encodeToString(altered);

            assertThatThrownBy(() -> cipher.decrypt(tampered))
                    .isInstanceOf(FieldDecryptionException.class)
                    .hasMessageContaining("k1")
                    .hasMessageNotContaining(tampered.substring(3))
                    .hasMessageNotContaining("Alex");
        }
    }

    @Test
    void refusesAValueEncryptedWithAnotherKeyOfTheSameId() {
        FieldCipher other = new FieldCipher(KeyRing.parse("k1:" + k2, null, hmac));

        assertThatThrownBy(() -> cipher.decrypt(other.encrypt("Alex")))
                .isInstanceOf(FieldDecryptionException.class);
    }

    @Test
    void namesTheUnknownKeyIdButNotTheValue() {
        FieldCipher elsewhere = new FieldCipher(KeyRing.parse("k9:" + k2, null, hmac));
        String stored = elsewhere.encrypt("Alex Morgan");

        assertThatThrownBy(() -> cipher.decrypt(stored))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageContaining("k9")
                .hasMessageNotContaining(stored.substring(3))
                .hasMessageNotContaining("Alex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alex Morgan", "Note: Alex said so", "k1:", "k1:QUJD", "k1:not base64 at all", ":QUJD"})
    void refusesWhatItDidNotEncryptWithoutQuotingIt(String stored) {
        assertThatThrownBy(() -> cipher.decrypt(stored))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageNotContaining("Alex")
                .hasMessageNotContaining("Note")
                .hasMessageNotContaining("QUJD")
                .hasMessageNotContaining("base64 at all");
    }

    @Test
    void storedLengthBoundsEveryValueAndIsTightForTheLongestKeyId() {
        FieldCipher longId = new FieldCipher(KeyRing.parse("key-2031:" + k1, null, hmac));
        for (int length = 0; length < 200; length++) {
            String plaintext = "é".repeat(length);
            int bytes = plaintext.getBytes(StandardCharsets.UTF_8).length;

            assertThat(cipher.encrypt(plaintext)).hasSizeLessThanOrEqualTo(FieldCipher.storedLength(bytes));
            assertThat(longId.encrypt(plaintext)).hasSize(FieldCipher.storedLength(bytes));
        }
    }

    @Test
    void theBlindIndexIsStableAndReadsAsUrlSafeText() {
        String key = FieldCipher.personKey("Alex", "Morgan", BORN);

        assertThat(cipher.blindIndex(key)).isEqualTo(cipher.blindIndex(key)).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theBlindIndexDependsOnTheHmacKeyAloneNotOnTheEncryptionKeys() {
        String key = FieldCipher.personKey("Alex", "Morgan", BORN);
        FieldCipher rotated = new FieldCipher(KeyRing.parse("k1:" + k1 + ",k2:" + k2, null, hmac));
        FieldCipher otherHmac = new FieldCipher(KeyRing.parse("k1:" + k1, null, randomKey()));

        assertThat(rotated.blindIndex(key)).isEqualTo(cipher.blindIndex(key));
        assertThat(otherHmac.blindIndex(key)).isNotEqualTo(cipher.blindIndex(key));
    }

    @Test
    void spellingsOfOnePersonShareABlindIndex() {
        String index = cipher.blindIndex(FieldCipher.personKey("zoe", "obriensmith", BORN));

        assertThat(cipher.blindIndex(FieldCipher.personKey("Zoë ", " O'Brien-Smith", BORN))).isEqualTo(index);
        assertThat(cipher.blindIndex(FieldCipher.personKey("ZOË", "O’BRIEN–SMITH", BORN))).isEqualTo(index);
        assertThat(cipher.blindIndex(FieldCipher.personKey("Zoe\u0308", "O'Brien - Smith", BORN)))
                .as("a space around the hyphen is a word break, so it is kept")
                .isNotEqualTo(index);
    }

    @Test
    void differentDatesOfBirthGiveDifferentBlindIndexes() {
        assertThat(cipher.blindIndex(FieldCipher.personKey("Zoë", "O'Brien", BORN)))
                .isNotEqualTo(cipher.blindIndex(FieldCipher.personKey("Zoë", "O'Brien", BORN.plusDays(1))));
    }

    @Test
    void thePersonKeyFoldsCaseAccentsPunctuationAndSpaces() {
        assertThat(FieldCipher.personKey("  Mary   Ann ", "O'Brien-Smith", BORN)).isEqualTo("mary ann|obriensmith|1990-04-17");
        assertThat(FieldCipher.personKey("Zoë", "Straße", BORN)).isEqualTo("zoe|strasse|1990-04-17");
        assertThat(FieldCipher.personKey("Søren", "Łukasiewicz", BORN)).isEqualTo("soren|lukasiewicz|1990-04-17");
        assertThat(FieldCipher.personKey("Ｊｏｓé", "Kaʻahumanu", BORN)).isEqualTo("jose|kaahumanu|1990-04-17");
        assertThat(FieldCipher.personKey("Madonna", null, BORN)).isEqualTo("madonna||1990-04-17");
    }

    @Test
    void theSeparatorCannotBeForgedFromInsideAName() {
        assertThat(FieldCipher.personKey("ann|lee", "", BORN)).isNotEqualTo(FieldCipher.personKey("ann", "lee", BORN));
    }

    @Test
    void printsKeyIdsOnly() {
        assertThat(cipher.toString()).contains("k1").doesNotContain(k1).doesNotContain(hmac);
    }
}
