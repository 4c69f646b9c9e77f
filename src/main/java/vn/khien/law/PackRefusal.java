package vn.khien.law;

import java.util.List;

/**
 * Why a pack file was not loaded: where in the file (line 0 when the file as a whole) and
 * what, as a message key of {@code i18n/law} with its arguments.
 */
public record PackRefusal(String file, int line, String messageKey, List<Object> args) {
}
