package org.waypoint.core.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EncryptedConvertersTest {

    private final FieldCipher cipher = new FieldCipher(KeyRing.generate());
    private final EncryptedStringConverter text = new EncryptedStringConverter(cipher);
    private final EncryptedLocalDateConverter date = new EncryptedLocalDateConverter(cipher);

    @Test
    void storesTextEncryptedAndReadsItBack() {
        String column = text.convertToDatabaseColumn("Alex Morgan");

        assertThat(column).startsWith("k1:").doesNotContain("Alex");
        assertThat(cipher.decrypt(column)).isEqualTo("Alex Morgan");
        assertThat(text.convertToEntityAttribute(column)).isEqualTo("Alex Morgan");
    }

    @Test
    void storesADateEncryptedAsAnIsoDateAndReadsItBack() {
        LocalDate born = LocalDate.of(1990, 4, 17);

        String column = date.convertToDatabaseColumn(born);

        assertThat(column).doesNotContain("1990");
        assertThat(cipher.decrypt(column)).isEqualTo("1990-04-17");
        assertThat(date.convertToEntityAttribute(column)).isEqualTo(born);
    }

    @Test
    void theDateColumnSizeHoldsAnyDate() {
        assertThat(date.convertToDatabaseColumn(LocalDate.MAX).length()).isLessThanOrEqualTo(72);
        assertThat(date.convertToDatabaseColumn(LocalDate.MIN).length()).isLessThanOrEqualTo(72);
        assertThat(FieldCipher.storedLength(LocalDate.MIN.toString().length())).isLessThanOrEqualTo(72);
    }

    @Test
    void keepsNullAsNullBothWays() {
        assertThat(text.convertToDatabaseColumn(null)).isNull();
        assertThat(text.convertToEntityAttribute(null)).isNull();
        assertThat(date.convertToDatabaseColumn(null)).isNull();
        assertThat(date.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void aDecryptedValueThatIsNotADateIsNotQuoted() {
        String column = cipher.encrypt("Alex Morgan");

        assertThatThrownBy(() -> date.convertToEntityAttribute(column))
                .isInstanceOf(FieldDecryptionException.class)
                .hasMessageNotContaining("Alex")
                .hasNoCause();
    }

    @Test
    void anAlteredColumnFailsToLoad() {
        String column = text.convertToDatabaseColumn("Alex Morgan");
        String altered = column.substring(0, column.length() - 3) + (column.endsWith("A==") ? "B==" : "A==");

        assertThatThrownBy(() -> text.convertToEntityAttribute(altered)).isInstanceOf(FieldDecryptionException.class);
    }
}
