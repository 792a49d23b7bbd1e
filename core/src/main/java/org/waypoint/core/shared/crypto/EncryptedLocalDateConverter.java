package org.waypoint.core.shared.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Keeps a date, such as a date of birth, encrypted in its column as an ISO date:
 * {@code @Convert(converter = EncryptedLocalDateConverter.class)} over a {@code VARCHAR(72)}, enough for any {@code LocalDate}.
 */
@Converter
public class EncryptedLocalDateConverter implements AttributeConverter<LocalDate, String> {

    private final FieldCipher cipher;

    /** For EclipseLink: the process's cipher, so that a bad key configuration fails the deployment. */
    public EncryptedLocalDateConverter() {
        this(FieldCipher.current());
    }

    EncryptedLocalDateConverter(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(LocalDate attribute) {
        return attribute == null ? null : cipher.encrypt(attribute.toString());
    }

    @Override
    public LocalDate convertToEntityAttribute(String column) {
        String text = cipher.decrypt(column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // The parser's message quotes the decrypted text: neither it nor the cause is passed on.
            throw new FieldDecryptionException("the decrypted value is not an ISO date");
        }
    }
}
