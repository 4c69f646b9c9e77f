package vn.khien.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

import vn.khien.platform.VietnameseText;

/**
 * The audit trail's codes in words. The labels in {@value #BUNDLE} are the one list of
 * actions: an action is known when it has an {@code audit.action.<code>} label
 * (AuditActionNamesTests holds every action the code records to one). A code without a
 * label, say of an older release, is shown as it is.
 */
@Component
class AuditVocabulary {

	static final String BUNDLE = "i18n/platform.properties";

	static final String ACTION = "audit.action.";

	static final String ENTITY = "audit.entity.";

	/** An action for the filter: its code and its label. */
	record Option(String code, String label) {
	}

	private final MessageSource messages;

	private final Set<String> actions;

	AuditVocabulary(MessageSource messages) {
		this.messages = messages;
		this.actions = codes(ACTION);
	}

	boolean knows(String action) {
		return actions.contains(action);
	}

	String action(String code, Locale locale) {
		return messages.getMessage(ACTION + code, null, code, locale);
	}

	String entity(String type, Locale locale) {
		return messages.getMessage(ENTITY + type, null, type, locale);
	}

	/** The known actions in Vietnamese alphabetical order of their labels. */
	List<Option> actions(Locale locale) {
		return VietnameseText.sorted(actions.stream().map(code -> new Option(code, action(code, locale))).toList(),
				Option::label);
	}

	private static Set<String> codes(String prefix) {
		try {
			var labels = PropertiesLoaderUtils
				.loadProperties(new EncodedResource(new ClassPathResource(BUNDLE), StandardCharsets.UTF_8));
			var codes = new TreeSet<String>();
			for (String key : labels.stringPropertyNames()) {
				if (key.startsWith(prefix)) {
					codes.add(key.substring(prefix.length()));
				}
			}
			return Set.copyOf(codes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
