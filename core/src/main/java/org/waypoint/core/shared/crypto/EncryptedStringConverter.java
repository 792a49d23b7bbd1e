package org.waypoint.core.shared.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps a text attribute encrypted in its column: {@code @Convert(converter = EncryptedStringConverter.class)}
 * on the field, over a {@code VARCHAR} of {@link FieldCipher#storedLength} characters. The column
 * cannot be searched or sorted; search by a blind index instead.
 */
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    private final FieldCipher cipher;

    /** For EclipseLink: the process's cipher, so that a bad key configuration fails the deployment. */
    public EncryptedStringConverter() {
        this(FieldCipher.current());
    }

    EncryptedStringConverter(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return cipher.decrypt(column);
    }
}
