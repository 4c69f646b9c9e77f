package vn.khien.registry.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.khien.platform.AgencyScope;
import vn.khien.registry.Agencies;
import vn.khien.registry.Agency;

/**
 * The first levels of the agency tree as rendered HTML, kept per scope and language until
 * an agency changes: every user of a scope sees the same tree, and rendering its fifty
 * nodes was most of the page's cost (seconds under load just after a start, while the
 * template engine still runs interpreted).
 */
@Component
class RenderedForests {

	private static final int KEPT = 200;

	private final Agencies agencies;

	private final ITemplateEngine templates;

	private final JakartaServletWebApplication application;

	private final Map<Key, Forest> rendered = new ConcurrentHashMap<>();

	RenderedForests(Agencies agencies, ITemplateEngine templates, ServletContext servletContext) {
		this.agencies = agencies;
		this.templates = templates;
		this.application = JakartaServletWebApplication.buildApplication(servletContext);
	}

	private record Key(long version, AgencyScope scope, Locale locale) {
	}

	/** The rendered first levels of a tree of {@code total} agencies. */
	record Forest(String html, int total, boolean empty) {
	}

	private Forest render(Locale locale, HttpServletRequest request, HttpServletResponse response) {
		List<Agency> all = agencies.all();
		List<TreeNode> nodes = TreeNode.firstLevels(all);
		var context = new WebContext(application.buildExchange(request, response), locale, Map.of("forest", nodes));
		return new Forest(templates.process("registry/agencies", Set.of("forest"), context), all.size(),
				nodes.isEmpty());
	}

	/** The tree's first levels of the agencies in the current user's {@code scope}. */
	Forest forest(AgencyScope scope, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		// NB: the version is read before the agencies, so a change between the two
		// only makes the next request render again
		Key key = new Key(agencies.version(), scope, locale);
		Forest forest = rendered.get(key);
		if (forest == null) {
			if (rendered.size() >= KEPT) {
				rendered.clear();
			}
			// NB: those who ask while it renders wait for it rather than render it too
			forest = rendered.computeIfAbsent(key, k -> render(locale, request, response));
		}
		return forest;
	}

}
