package vn.khien.platform.web;

import java.time.temporal.TemporalAccessor;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.khien.platform.Formats;

/**
 * {@link Formats} for templates in the reader's language: {@code ${@fmt.number(n)}},
 * {@code ${@fmt.percent(ratio)}}, {@code ${@fmt.date(d)}}, {@code ${@fmt.dateTime(t)}}.
 */
@Component("fmt")
public class PageFormats {

	public String number(@Nullable Number value) {
		return Formats.number(value, LocaleContextHolder.getLocale());
	}

	public String percent(@Nullable Number ratio) {
		return Formats.percent(ratio, LocaleContextHolder.getLocale());
	}

	public String date(@Nullable TemporalAccessor value) {
		return Formats.date(value);
	}

	public String dateTime(@Nullable TemporalAccessor value) {
		return Formats.dateTime(value);
	}

}
