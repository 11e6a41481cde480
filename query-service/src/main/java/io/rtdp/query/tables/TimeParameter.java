package io.rtdp.query.tables;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A point in time given as ISO-8601 with offset, a date (midnight UTC), or epoch milliseconds. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Constraint(validatedBy = TimeParameter.Validator.class)
public @interface TimeParameter {
    String message() default "must be an ISO-8601 date-time with offset (2026-11-25T15:00:00Z), a date (2026-11-25) "
            + "or epoch milliseconds";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<TimeParameter, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The instant, or null when the text is none of the accepted forms. */
        public static Instant parse(String text) {
            try {
                if (!text.isEmpty() && text.length() <= 15 && text.chars().allMatch(Character::isDigit)) {
                    return Instant.ofEpochMilli(Long.parseLong(text));
                }
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
