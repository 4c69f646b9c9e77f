package vn.khien;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.khien.platform.Role;

/**
 * Every handler of the running application has exactly one row in a module's access
 * matrix, and the matrix reports what it should: a missing row, a wrong answer, a listed
 * record the caller must not see.
 */
@KhienTest
class AccessMatrixCoverageTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyHandlerHasExactlyOneRow() {
		Set<String> handlers = AccessMatrix.handlers(mappings);
		var coverage = AccessMatrix.coverage(handlers, AccessMatrix.declaredRows(context));
		assertThat(handlers).as("handlers found").hasSizeGreaterThan(150);
		assertThat(coverage.missing()).as("handlers without a row in any *AccessMatrixTests").isEmpty();
		assertThat(coverage.stale()).as("rows for handlers that do not exist").isEmpty();
		assertThat(coverage.duplicated()).as("handlers with more than one row").isEmpty();
	}

	@Test
	void coverageNamesTheHandlerWhoseRowIsMissing() {
		Set<String> handlers = AccessMatrix.handlers(mappings);
		List<String> rows = new ArrayList<>(AccessMatrix.declaredRows(context));
		String dropped = rows.remove(rows.size() / 2);
		var coverage = AccessMatrix.coverage(handlers, rows);
		assertThat(coverage.missing()).containsExactly(dropped);
		assertThat(coverage.complete()).isFalse();
	}

	@Test
	void coverageNamesRowsDeclaredTwiceAndRowsWithoutAHandler() {
		Set<String> handlers = AccessMatrix.handlers(mappings);
		List<String> rows = new ArrayList<>(AccessMatrix.declaredRows(context));
		rows.add(rows.get(0));
		rows.add("GET /api/v1/no-such-handler");
		var coverage = AccessMatrix.coverage(handlers, rows);
		assertThat(coverage.duplicated()).containsExactly(rows.get(0));
		assertThat(coverage.stale()).containsExactly("GET /api/v1/no-such-handler");
		assertThat(coverage.missing()).isEmpty();
	}

	@Test
	void listingCheckNamesARecordTheCallerMustNotSee() {
		// NB: a listing that claims every agency belongs to the education department: the
		// health officer's own
		// agencies must then be reported as records it must not see
		AccessMatrix.Module wrong = m -> m.api("GET", "/api/v1/agencies")
			.query("q", "SYT")
			.listOf((body, mx) -> AccessMatrix.json("$.items[*]", "id")
				.items(body, mx)
				.stream()
				.map(i -> new AccessMatrix.Item(i.key(), Set.of(mx.agency("SGDDT"))))
				.toList());
		assertThat(AccessMatrix.mismatches(wrong, context)).anySatisfy(failure -> assertThat(failure)
			.startsWith("GET /api/v1/agencies as officer: lists records it must not see"));
	}

	@Test
	void matrixNamesACallerWhoseAnswerDiffers() {
		AccessMatrix.Module wrong = m -> m.api("GET", "/api/v1/users").permit(Role.ADMIN, Role.POLICE);
		assertThat(AccessMatrix.mismatches(wrong, context)).singleElement()
			.asString()
			.startsWith("GET /api/v1/users as police: expected 200 but was 403");
	}

}
