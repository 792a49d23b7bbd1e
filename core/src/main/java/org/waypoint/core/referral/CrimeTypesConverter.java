package org.waypoint.core.referral;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.waypoint.core.shared.CrimeType;
import org.waypoint.core.shared.crypto.FieldCipher;

/** The crimes on a referral are among its most sensitive facts: stored as one encrypted, comma-separated value. */
@Converter
public class CrimeTypesConverter implements AttributeConverter<Set<CrimeType>, String> {

    @Override
    public String convertToDatabaseColumn(Set<CrimeType> crimeTypes) {
        String names = crimeTypes == null ? "" : crimeTypes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return FieldCipher.current().encrypt(names);
    }

    @Override
    public Set<CrimeType> convertToEntityAttribute(String column) {
        String names = column == null ? "" : FieldCipher.current().decrypt(column);
        Set<CrimeType> result = EnumSet.noneOf(CrimeType.class);
        if (!names.isEmpty()) {
            Arrays.stream(names.split(",")).map(CrimeType::valueOf).forEach(result::add);
        }
        return result;
    }
}
