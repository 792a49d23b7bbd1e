package org.waypoint.core.shared.crypto;
// TEMPORARY STUB, replaced by the crypto branch
@jakarta.persistence.Converter
public class EncryptedLocalDateConverter implements jakarta.persistence.AttributeConverter<java.time.LocalDate, String> {
    public String convertToDatabaseColumn(java.time.LocalDate v) { return v == null ? null : FieldCipher.current().encrypt(v.toString()); }
    public java.time.LocalDate convertToEntityAttribute(String v) { return v == null ? null : java.time.LocalDate.parse(FieldCipher.current().decrypt(v)); }
}
