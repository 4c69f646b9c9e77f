package vn.khien.platform.web;

import org.springframework.validation.BindingResult;

import vn.khien.platform.InvalidInputException;

/**
 * Puts a domain refusal next to its form field, or on top of the form when it has none.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult errors, InvalidInputException ex) {
		if (ex.field() != null && errors.getTarget() != null && hasProperty(errors, ex.field())) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.args(), ex.messageKey());
		}
		else {
			errors.reject(ex.messageKey(), ex.args(), ex.messageKey());
		}
	}

	private static boolean hasProperty(BindingResult errors, String field) {
		try {
			errors.getFieldType(field);
			return errors.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
