package org.waypoint.core.shared.crypto;
// TEMPORARY STUB, replaced by the crypto branch
@jakarta.persistence.Converter
public class EncryptedStringConverter implements jakarta.persistence.AttributeConverter<String, String> {
    public String convertToDatabaseColumn(String v) { return FieldCipher.current().encrypt(v); }
    public String convertToEntityAttribute(String v) { return FieldCipher.current().decrypt(v); }
}
