package org.joinedup.integration;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class VerificationLevelConverter implements AttributeConverter<VerificationLevel, String> {

    @Override
    public String convertToDatabaseColumn(VerificationLevel level) {
        return level == null ? null : level.code;
    }

    @Override
    public VerificationLevel convertToEntityAttribute(String code) {
        return code == null ? null : VerificationLevel.fromCode(code).orElseThrow();
    }
}
