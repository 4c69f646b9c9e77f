package vn.khien;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import com.jayway.jsonpath.JsonPath;

import jakarta.servlet.http.Cookie;
import vn.khien.platform.Accounts;
import vn.khien.platform.Role;

/**
 * Who may call which handler, declared once per handler and checked for every caller: the
 * demo accounts, two accounts with several roles, no credentials and garbage credentials.
 *
 * <p>
 * Each module declares its rows in one class that implements {@link Module} (its
 * {@code *AccessMatrixTests}); {@code AccessMatrixCoverageTests} finds every such class
 * and fails when a handler of the running application has no row. A row names the handler
 * by method and URL pattern and states the rule that decides each caller's answer:
 *
 * <pre>
 * m.api("GET", "/api/v1/systems/{id}").with("id", system)   // path variables, fixtures evaluated lazily
 *     .permit(ADMIN, PROVINCE_OPERATOR, POLICE, LEADERSHIP, RESPONDER, AGENCY_OFFICER)  // others: 403
 *     .scope(reads(unit))                                    // permitted but out of scope: 404
 *     .ok(200);                                              // everyone else
 * </pre> Anonymous and garbage callers get 401 (API) or a redirect to the login form
 * (pages) unless the row says otherwise. Callers the row refuses go first, so that an
 * allowed write cannot change what they see. List and export rows add {@link #listOf}:
 * every record in the answer must be one the caller may read.
 */
public final class AccessMatrix {

	/** Roles that read agency-owned data of the whole province (docs/architecture.md). */
	public static final Set<Role> PROVINCE_WIDE = EnumSet.of(Role.ADMIN, Role.PROVINCE_OPERATOR, Role.POLICE,
			Role.LEADERSHIP, Role.RESPONDER);

	/**
	 * Someone calling: a demo account, a fixture account with several roles, nobody or a
	 * forger.
	 */
	public record Caller(String name, Set<Role> roles, @Nullable String agencyCode) {

		public boolean signedIn() {
			return this != ANONYMOUS && this != GARBAGE;
		}

		public boolean has(Role role) {
			return roles.contains(role);
		}

		public boolean readsWholeProvince() {
			return roles.stream().anyMatch(PROVINCE_WIDE::contains);
		}

		@Override
		public String toString() {
			return name;
		}
	}

	public static final Caller ADMIN = new Caller("admin", EnumSet.of(Role.ADMIN), null);

	public static final Caller OPERATOR = new Caller("operator", EnumSet.of(Role.PROVINCE_OPERATOR), "SKHCN");

	public static final Caller POLICE = new Caller("police", EnumSet.of(Role.POLICE), "CAT");

	public static final Caller LEADER = new Caller("leader", EnumSet.of(Role.LEADERSHIP), null);

	public static final Caller OFFICER = new Caller("officer", EnumSet.of(Role.AGENCY_OFFICER), "SYT");

	public static final Caller OFFICER2 = new Caller("officer2", EnumSet.of(Role.AGENCY_OFFICER), "SGDDT");

	public static final Caller RESPONDER = new Caller("responder", EnumSet.of(Role.RESPONDER), "SKHCN");

	public static final Caller ASSESSOR = new Caller("assessor", EnumSet.of(Role.ASSESSOR), null);

	public static final Caller PROVIDER = new Caller("provider", EnumSet.of(Role.ORGANISATION), null);

	/**
	 * An officer of the health department who is also an assessor (created by the
	 * matrix).
	 */
	public static final Caller OFFICER_ASSESSOR = new Caller("matrix-syt-officer-assessor",
			EnumSet.of(Role.AGENCY_OFFICER, Role.ASSESSOR), "SYT");

	/**
	 * A leader who is also an officer of the education department: reads everything,
	 * writes its agency only.
	 */
	public static final Caller LEADER_OFFICER = new Caller("matrix-sgddt-leader-officer",
			EnumSet.of(Role.LEADERSHIP, Role.AGENCY_OFFICER), "SGDDT");

	public static final Caller ANONYMOUS = new Caller("(anonymous)", Set.of(), null);

	public static final Caller GARBAGE = new Caller("(garbage)", Set.of(), null);

	public static final List<Caller> CALLERS = List.of(ADMIN, OPERATOR, POLICE, LEADER, OFFICER, OFFICER2, RESPONDER,
			ASSESSOR, PROVIDER, OFFICER_ASSESSOR, LEADER_OFFICER, ANONYMOUS, GARBAGE);

	static final String GARBAGE_TOKEN = "Bearer khn_garbage-token-that-was-never-issued";

	static final String GARBAGE_SESSION = "Z2FyYmFnZS1zZXNzaW9uLWlk";

	/**
	 * A module's rows: its matrix test class implements this, and declares each of its
	 * handlers once.
	 */
	public interface Module {

		void declare(AccessMatrix matrix);

	}

	/** Who among the permitted callers may reach the record a row acts on. */
	@FunctionalInterface
	public interface Scope {

		boolean includes(Caller caller, AccessMatrix matrix);

		default Scope or(Scope other) {
			return (c, m) -> includes(c, m) || other.includes(c, m);
		}

	}

	/** A record an answer lists, with the agencies through which a caller may see it. */
	public record Item(Object key, Set<Long> agencies) {
	}

	/** Reads the records out of a list or export answer. */
	@FunctionalInterface
	public interface Listing {

		List<Item> items(String body, AccessMatrix matrix);

	}

	/**
	 * What one caller's request carries, for bodies and fixtures computed per request.
	 */
	public static final class Call {

		private final Caller caller;

		private final String account;

		private final AccessMatrix matrix;

		private final boolean granted;

		private final Map<String, Object> attributes = new HashMap<>();

		Call(Caller caller, String account, boolean granted, AccessMatrix matrix) {
			this.caller = caller;
			this.account = account;
			this.granted = granted;
			this.matrix = matrix;
		}

		/**
		 * Whether the row lets this caller through (its write must then really happen).
		 */
		public boolean granted() {
			return granted;
		}

		/**
		 * A fresh fixture for a caller let through; callers refused share {@code shared}
		 * (they change nothing).
		 */
		public <T> T fresh(Supplier<T> each, Supplier<T> shared) {
			return granted ? each.get() : shared.get();
		}

		public Caller caller() {
			return caller;
		}

		/**
		 * The account signed in: the caller's own, or a fresh copy of it for rows that
		 * change the account.
		 */
		public String account() {
			return account;
		}

		public long accountId() {
			return matrix.jdbc()
				.sql("SELECT id FROM app_user WHERE username = :u")
				.param("u", account)
				.query(Long.class)
				.single();
		}

		public SignedIn session() {
			return matrix.logins().session(account);
		}

		public MockMvcTester mvc() {
			return matrix.mvc();
		}

		public TestLogins logins() {
			return matrix.logins();
		}

		public void put(String key, Object value) {
			attributes.put(key, value);
		}

		@SuppressWarnings("unchecked")
		public <T> T get(String key) {
			return (T) attributes.get(key);
		}

	}

	private record Gate(Scope scope, int status) {
	}

	private record Answer(int status, boolean granted) {
	}

	/** One handler: how to call it and what each caller must get. */
	public final class Row {

		private final boolean page;

		private final HttpMethod method;

		private final String pattern;

		private final List<Supplier<?>> given = new ArrayList<>();

		private final Map<String, Function<Call, Object>> path = new LinkedHashMap<>();

		private final Map<String, Function<Call, Object>> query = new LinkedHashMap<>();

		private @Nullable Function<Call, String> json;

		private @Nullable Function<Call, Map<String, String>> form;

		private @Nullable Function<Call, MockMultipartFile> file;

		private @Nullable Set<Role> permitted;

		private final List<Gate> gates = new ArrayList<>();

		private int ok = 200;

		private @Nullable Integer anonymous;

		private final Map<Caller, Integer> exceptions = new LinkedHashMap<>();

		private final List<String> notes = new ArrayList<>();

		private @Nullable Predicate<String> okBody;

		private @Nullable String okBodyText;

		private @Nullable Listing listing;

		private @Nullable BiPredicate<Caller, Item> visibility;

		private @Nullable String withoutTeeth;

		private boolean clones;

		private @Nullable Consumer<Call> cloneSetup;

		private boolean outsideMvc;

		Row(boolean page, String method, String pattern) {
			this.page = page;
			this.method = HttpMethod.valueOf(method);
			this.pattern = pattern;
		}

		/** The handler this row stands for: {@code GET /api/v1/systems/{id}}. */
		public String key() {
			return method.name() + " " + pattern;
		}

		/** Fixtures that must exist before the row runs (a list that must show them). */
		public Row given(Supplier<?> fixture) {
			given.add(fixture);
			return this;
		}

		/**
		 * A path variable, computed once for the row (fixtures are created when the row
		 * runs).
		 */
		public Row with(String name, Supplier<?> value) {
			Supplier<?> once = once(value);
			path.put(name, call -> once.get());
			return this;
		}

		/**
		 * A path variable for writes that destroy or move their record: every caller let
		 * through gets a fresh fixture; the callers refused (who go first and change
		 * nothing) share one.
		 */
		public Row fresh(String name, Supplier<?> value) {
			Supplier<?> shared = once(value);
			path.put(name, call -> call.granted() ? value.get() : shared.get());
			return this;
		}

		public Row query(String name, Object value) {
			query.put(name, call -> value);
			return this;
		}

		public Row query(String name, Supplier<?> value) {
			Supplier<?> once = once(value);
			query.put(name, call -> once.get());
			return this;
		}

		/**
		 * A JSON body, computed for every request (so that created records get unique
		 * codes).
		 */
		public Row json(Function<Call, String> body) {
			this.json = body;
			return this;
		}

		public Row json(Supplier<String> body) {
			return json(call -> body.get());
		}

		/**
		 * Form fields (pages) or request parameters (multipart uploads), computed for
		 * every request.
		 */
		public Row form(Function<Call, Map<String, String>> fields) {
			this.form = fields;
			return this;
		}

		public Row form(Supplier<Map<String, String>> fields) {
			return form(call -> fields.get());
		}

		/**
		 * A multipart upload of {@code content} as {@code filename}, computed for every
		 * request.
		 */
		public Row file(String param, String filename, Function<Call, String> content) {
			this.file = call -> new MockMultipartFile(param, filename, "text/csv",
					content.apply(call).getBytes(StandardCharsets.UTF_8));
			return this;
		}

		/** Only callers with one of these roles reach the handler; the others get 403. */
		public Row permit(Role... roles) {
			this.permitted = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
			return this;
		}

		/**
		 * A permitted caller outside {@code scope} gets 404, like for a record that does
		 * not exist.
		 */
		public Row scope(Scope scope) {
			return scope(scope, 404);
		}

		/**
		 * A permitted caller outside {@code scope} gets {@code status}; gates apply in
		 * the order given.
		 */
		public Row scope(Scope scope, int status) {
			gates.add(new Gate(scope, status));
			return this;
		}

		/** The answer of a caller the row lets through. */
		public Row ok(int status) {
			this.ok = status;
			return this;
		}

		/**
		 * The allowed answer must also satisfy this (a page that answers 200 with and
		 * without an error).
		 */
		public Row okBody(String description, Predicate<String> check) {
			this.okBody = check;
			this.okBodyText = description;
			return this;
		}

		/**
		 * The answer without credentials and with garbage ones, for handlers open to
		 * everyone.
		 */
		public Row anonymous(int status) {
			this.anonymous = status;
			return this;
		}

		/**
		 * One caller's answer differs from the rule; say why (it shows in the report).
		 */
		public Row except(Caller caller, int status, String why) {
			exceptions.put(caller, status);
			notes.add(caller + " → " + status + ": " + why);
			return this;
		}

		/**
		 * Each record in a granted answer must be one the caller may read (by the
		 * agencies of the item).
		 */
		public Row listOf(Listing listing) {
			this.listing = listing;
			return this;
		}

		/**
		 * As {@link #listOf(Listing)}, with a rule other than agency scope deciding who
		 * may see an item.
		 */
		public Row listOf(Listing listing, BiPredicate<Caller, Item> visibility) {
			this.listing = listing;
			this.visibility = visibility;
			return this;
		}

		/**
		 * The listing cannot show a record one caller sees and another must not; say why.
		 */
		public Row withoutTeeth(String why) {
			this.withoutTeeth = why;
			return this;
		}

		/**
		 * Each caller acts as a fresh account with the same roles and agency (the row
		 * changes the account).
		 */
		public Row asClones(Consumer<Call> setup) {
			this.clones = true;
			this.cloneSetup = setup;
			return this;
		}

		public Row asClones() {
			return asClones(call -> {
			});
		}

		/**
		 * An endpoint outside Spring MVC's handlers (the actuator); not part of the
		 * coverage check.
		 */
		public Row servedOutsideMvc() {
			this.outsideMvc = true;
			return this;
		}

		Answer expected(Caller caller) {
			if (!caller.signedIn()) {
				return new Answer(anonymous != null ? anonymous : page ? 302 : 401, anonymous != null);
			}
			Integer exception = exceptions.get(caller);
			if (exception != null) {
				return new Answer(exception, exception == ok);
			}
			if (permitted != null && caller.roles().stream().noneMatch(permitted::contains)) {
				return new Answer(403, false);
			}
			for (Gate gate : gates) {
				if (!gate.scope().includes(caller, AccessMatrix.this)) {
					return new Answer(gate.status(), false);
				}
			}
			return new Answer(ok, true);
		}

	}

	private final List<Row> rows = new ArrayList<>();

	private final @Nullable ApplicationContext context;

	private final Map<String, Long> agencyIds = new ConcurrentHashMap<>();

	private final Map<String, Set<Long>> owners = new HashMap<>();

	private Map<Long, Long> parents = new HashMap<>();

	private static final AtomicInteger SEQ = new AtomicInteger();

	private AccessMatrix(@Nullable ApplicationContext context) {
		this.context = context;
	}

	/** Declares the rows of an API handler (bearer tokens). */
	public Row api(String method, String pattern) {
		Row row = new Row(false, method, pattern);
		rows.add(row);
		return row;
	}

	/** Declares the rows of a page handler (form-login sessions, CSRF on). */
	public Row page(String method, String pattern) {
		Row row = new Row(true, method, pattern);
		rows.add(row);
		return row;
	}

	// --- scopes

	/**
	 * Callers who read the agency's records: province-wide roles, officers of it or an
	 * agency above it.
	 */
	public static Scope reads(Supplier<Long> agency) {
		return (caller, m) -> m.reads(caller, agency.get());
	}

	/**
	 * Callers who may change the agency's records: administrators, operators, officers of
	 * it or above it.
	 */
	public static Scope writes(Supplier<Long> agency) {
		return (caller, m) -> m.writes(caller, agency.get());
	}

	/**
	 * Callers who read at least one of the agencies (a reorganisation, a campaign over
	 * several).
	 */
	public static Scope readsAny(Supplier<? extends Collection<Long>> agencies) {
		return (caller, m) -> m.readsAny(caller, agencies.get());
	}

	public static Scope only(Caller... callers) {
		Set<Caller> set = Set.of(callers);
		return (caller, m) -> set.contains(caller);
	}

	public static Scope having(Role... roles) {
		Set<Role> set = Set.of(roles);
		return (caller, m) -> caller.roles().stream().anyMatch(set::contains);
	}

	public boolean reads(Caller caller, long agencyId) {
		return caller.readsWholeProvince() || officerOver(caller, agencyId);
	}

	public boolean writes(Caller caller, long agencyId) {
		return caller.has(Role.ADMIN) || caller.has(Role.PROVINCE_OPERATOR) || officerOver(caller, agencyId);
	}

	public boolean readsAny(Caller caller, Collection<Long> agencies) {
		return caller.readsWholeProvince() || agencies.stream().anyMatch(a -> officerOver(caller, a));
	}

	private boolean officerOver(Caller caller, long agencyId) {
		return caller.has(Role.AGENCY_OFFICER) && caller.agencyCode() != null
				&& within(agencyId, agency(caller.agencyCode()));
	}

	/**
	 * Whether {@code candidate} is {@code ancestor} or lies below it, by the parent links
	 * in the database.
	 */
	public boolean within(long candidate, long ancestor) {
		if (!parents.containsKey(candidate)) {
			loadParents();
		}
		Long current = candidate;
		for (int guard = 0; current != null && guard < 100; guard++) {
			if (current == ancestor) {
				return true;
			}
			current = parents.get(current);
		}
		return false;
	}

	/** The agency and every agency below it, by the parent links in the database. */
	public Set<Long> subtree(long agencyId) {
		loadParents();
		return parents.keySet().stream().filter(id -> within(id, agencyId)).collect(Collectors.toSet());
	}

	private void loadParents() {
		Map<Long, Long> map = new HashMap<>();
		jdbc().sql("SELECT id, parent_id FROM agency").query(rs -> {
			map.put(rs.getLong("id"), rs.getObject("parent_id", Long.class));
		});
		parents = map;
	}

	public long agency(String code) {
		return agencyIds.computeIfAbsent(code,
				c -> jdbc().sql("SELECT id FROM agency WHERE code = :c").param("c", c).query(Long.class).single());
	}

	// --- listings

	/**
	 * JSON items whose {@code field} is an agency id:
	 * {@code json("$.items[*]", "agencyId")}.
	 */
	public static Listing json(String items, String agencyIdField) {
		return (body, m) -> {
			List<Map<String, Object>> list = JsonPath.read(body, items);
			return list.stream().map(i -> {
				Object id = i.get(agencyIdField);
				return new Item(id, id == null ? Set.of() : Set.of(((Number) id).longValue()));
			}).toList();
		};
	}

	/**
	 * JSON values (ids or codes) whose agencies a query gives:
	 * {@code SELECT agency_id ... WHERE id = :v}.
	 */
	public static Listing jsonOwnedBy(String values, String ownersSql) {
		return (body, m) -> {
			List<Object> list = JsonPath.read(body, values);
			return list.stream().map(v -> new Item(v, m.owners(ownersSql, v))).toList();
		};
	}

	/**
	 * JSON values that are records' keys, for listings whose visibility rule is not
	 * agency scope.
	 */
	public static Listing jsonKeys(String values) {
		return (body, m) -> {
			List<Object> list = JsonPath.read(body, values);
			return list.stream().map(v -> new Item(v instanceof Number n ? n.longValue() : v, Set.of())).toList();
		};
	}

	/**
	 * Ids that links in a page carry, for listings whose visibility rule is not agency
	 * scope.
	 */
	public static Listing linkKeys(String regex) {
		Pattern p = Pattern.compile(regex);
		return (body, m) -> {
			Set<Long> ids = new LinkedHashSet<>();
			var matcher = p.matcher(body);
			while (matcher.find()) {
				ids.add(Long.parseLong(matcher.group(1)));
			}
			return ids.stream().map(id -> new Item(id, Set.of())).toList();
		};
	}

	/**
	 * CSV rows (after the header) whose cell {@code column} is a value the query turns
	 * into agencies.
	 */
	public static Listing csvOwnedBy(int column, String ownersSql) {
		return (body, m) -> {
			String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
			List<Item> items = new ArrayList<>();
			try {
				List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
				for (CSVRecord r : records.subList(Math.min(1, records.size()), records.size())) {
					items.add(new Item(r.get(column), m.owners(ownersSql, r.get(column))));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return items;
		};
	}

	/**
	 * Links in a page, {@code regex} capturing an id; with {@code ownersSql} null the id
	 * is an agency's.
	 */
	public static Listing links(String regex, @Nullable String ownersSql) {
		Pattern p = Pattern.compile(regex);
		return (body, m) -> {
			List<Item> items = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			var matcher = p.matcher(body);
			while (matcher.find()) {
				String id = matcher.group(1);
				if (seen.add(id)) {
					long value = Long.parseLong(id);
					items.add(new Item(value, ownersSql == null ? Set.of(value) : m.owners(ownersSql, value)));
				}
			}
			return items;
		};
	}

	/**
	 * Agencies that a query with the parameter {@code :v} returns; cached for the row
	 * being run.
	 */
	public Set<Long> owners(String sql, Object value) {
		return owners.computeIfAbsent(sql + "\u0000" + value,
				k -> Set.copyOf(jdbc().sql(sql).param("v", value).query(Long.class).list()));
	}

	// --- running

	/**
	 * Declares the module's rows and runs them all; fails with every mismatch at once.
	 */
	public static void verify(Module module, ApplicationContext context) {
		String title = module.getClass().getSimpleName();
		AccessMatrix matrix = new AccessMatrix(context);
		module.declare(matrix);
		List<String> failures = matrix.run(title, true);
		Assertions.assertThat(failures).as("access matrix mismatches of " + title).isEmpty();
	}

	/**
	 * Runs the rows and answers every mismatch (empty when all callers got what the rows
	 * say).
	 */
	static List<String> mismatches(Module module, ApplicationContext context) {
		AccessMatrix matrix = new AccessMatrix(context);
		module.declare(matrix);
		return matrix.run("rows under test", false);
	}

	MockMvcTester mvc() {
		return bean(MockMvcTester.class);
	}

	TestLogins logins() {
		return bean(TestLogins.class);
	}

	JdbcClient jdbc() {
		return bean(JdbcClient.class);
	}

	private <T> T bean(Class<T> type) {
		if (context == null) {
			throw new IllegalStateException("a matrix made for the coverage check runs no requests");
		}
		T bean = context.getBean(type);
		// NB: fixtures are made as the test-fixtures principal; services fail closed with
		// nobody signed in
		return type.getPackageName().startsWith("vn.khien.") ? FixturePrincipal.wrap(bean) : bean;
	}

	private List<String> run(String title, boolean reported) {
		long started = System.nanoTime();
		var failures = new ArrayList<String>();
		ensureAccounts(failures);
		int requests = 0;
		var report = new StringBuilder(
				"# " + title + "\n\nExpected answer per caller (✗ actual when it differs).\n\n| handler |");
		CALLERS.forEach(c -> report.append(' ').append(c.name()).append(" |"));
		report.append(" ms |\n|---|").append("---|".repeat(CALLERS.size() + 1)).append('\n');
		for (Row row : rows) {
			long rowStarted = System.nanoTime();
			owners.clear();
			Map<Caller, String> cells = new LinkedHashMap<>();
			row.given.forEach(Supplier::get);
			Map<Caller, List<Item>> seen = new LinkedHashMap<>();
			Map<Caller, Answer> answers = new LinkedHashMap<>();
			for (Caller caller : CALLERS) {
				answers.put(caller, row.expected(caller));
			}
			// NB: callers refused go first, so that an allowed write cannot change what
			// they see
			List<Caller> order = new ArrayList<>(CALLERS);
			order.sort(Comparator.comparing(c -> answers.get(c).granted()));
			for (Caller caller : order) {
				Answer expected = answers.get(caller);
				String cell = String.valueOf(expected.status());
				try {
					requests++;
					String problem = call(row, caller, expected, seen);
					if (problem != null) {
						failures.add(row.key() + " as " + caller + ": " + problem);
						cell += " ✗";
					}
				}
				catch (RuntimeException | AssertionError ex) {
					failures.add(row.key() + " as " + caller + ": " + ex);
					cell += " ✗";
				}
				cells.put(caller, cell);
			}
			if (row.listing != null) {
				checkTeeth(row, seen, answers, failures);
			}
			report.append("| ").append(row.key().replace("|", "\\|")).append(" |");
			CALLERS.forEach(c -> report.append(' ').append(cells.get(c)).append(" |"));
			report.append(' ').append((System.nanoTime() - rowStarted) / 1_000_000).append(" |\n");
		}
		rows.stream()
			.filter(r -> !r.notes.isEmpty())
			.forEach(r -> report.append("\n- ").append(r.key()).append(": ").append(String.join("; ", r.notes)));
		long millis = (System.nanoTime() - started) / 1_000_000;
		report.append("\n\n")
			.append(rows.size())
			.append(" rows, ")
			.append(requests)
			.append(" requests, ")
			.append(millis)
			.append(" ms\n");
		if (reported) {
			writeReport(title, report.toString());
		}
		System.out.printf("%s: %d rows, %d requests in %d ms%n", title, rows.size(), requests, millis);
		return failures;
	}

	private void writeReport(String title, String text) {
		try {
			Path dir = Path.of("target", "access-matrix");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(title + ".md"), text);
		}
		catch (IOException ex) {
			// the report is a convenience; the assertions are the test
		}
	}

	/**
	 * The two accounts with several roles, created once in the shared database; every
	 * caller as declared.
	 */
	private void ensureAccounts(List<String> failures) {
		Accounts accounts = bean(Accounts.class);
		for (Caller c : List.of(OFFICER_ASSESSOR, LEADER_OFFICER)) {
			if (accounts.findByUsername(c.name()).isEmpty()) {
				accounts.create(new Accounts.NewAccount(c.name(), "Matrix " + c.name(), null, TestLogins.DEMO_PASSWORD,
						c.roles(), agency(c.agencyCode()), null));
			}
		}
		for (Caller c : CALLERS) {
			if (!c.signedIn()) {
				continue;
			}
			var account = accounts.findByUsername(c.name()).orElseThrow();
			Long agencyId = c.agencyCode() == null ? null : agency(c.agencyCode());
			if (!account.roles().equals(c.roles()) || !java.util.Objects.equals(account.agencyId(), agencyId)) {
				failures.add("caller " + c + " is declared " + c.roles() + " of " + c.agencyCode() + " but is "
						+ account.roles() + " of agency " + account.agencyId());
			}
		}
	}

	/**
	 * A fresh account with the caller's roles, agency and organisation, signed in with
	 * the demo password.
	 */
	private String cloneOf(Caller caller) {
		var original = bean(Accounts.class).findByUsername(caller.name()).orElseThrow();
		String name = "mx-" + caller.name().replace("matrix-", "") + "-" + SEQ.incrementAndGet() + "-"
				+ Long.toString(System.nanoTime() % 1_000_000, 36);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		// NB: a throwaway account; a plain-text hash spares the two bcrypt rounds of
		// creating and signing in
		jdbc().sql("""
				INSERT INTO app_user (username, display_name, password_hash, agency_id, organisation_id, created_at)
				VALUES (:u, :d, :h, :a, :o, CURRENT_TIMESTAMP)""")
			.param("u", name)
			.param("d", "Matrix clone of " + caller.name())
			.param("h", "{noop}" + TestLogins.DEMO_PASSWORD)
			.param("a", original.agencyId())
			.param("o", original.organisationId())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (Role role : original.roles()) {
			jdbc().sql("INSERT INTO user_role (user_id, role) VALUES (:id, :r)")
				.param("id", id)
				.param("r", role.name())
				.update();
		}
		return name;
	}

	private @Nullable String call(Row row, Caller caller, Answer expected, Map<Caller, List<Item>> seen) {
		SecurityContextHolder.clearContext();
		String account = caller.name();
		if (row.clones && caller.signedIn()) {
			account = cloneOf(caller);
		}
		Call call = new Call(caller, account, expected.granted(), this);
		if (row.clones && caller.signedIn()) {
			if (row.page) {
				call.session();
			}
			else {
				logins().bearer(account);
			}
			row.cloneSetup.accept(call);
		}
		Map<String, Object> vars = new LinkedHashMap<>();
		row.path.forEach((name, value) -> vars.put(name, value.apply(call)));
		var uri = UriComponentsBuilder.fromPath(row.pattern);
		row.query.forEach((name, value) -> uri.queryParam(name, value.apply(call)));
		String target = uri.buildAndExpand(vars).encode().toUriString();
		SecurityContextHolder.clearContext();

		var request = mvc().method(row.method).uri(target);
		MvcResult result = row.file != null
				? prepare(request.multipart().file(row.file.apply(call)), row, caller, call).exchange().getMvcResult()
				: prepare(request, row, caller, call).exchange().getMvcResult();
		return judge(row, caller, expected, target, result, seen);
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B prepare(B request, Row row, Caller caller,
			Call call) {
		if (row.page) {
			request.with(SecurityMockMvcRequestPostProcessors.csrf());
			if (caller == GARBAGE) {
				request.cookie(new Cookie(SignedIn.COOKIE, GARBAGE_SESSION));
			}
			else if (caller.signedIn()) {
				request.with(call.session());
			}
		}
		else if (caller == GARBAGE) {
			request.header("Authorization", GARBAGE_TOKEN);
		}
		else if (caller.signedIn()) {
			request.header("Authorization", logins().bearer(call.account()));
		}
		if (row.json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.json.apply(call));
		}
		if (row.form != null) {
			row.form.apply(call).forEach(request::param);
		}
		return request;
	}

	private @Nullable String judge(Row row, Caller caller, Answer expected, String target, MvcResult result,
			Map<Caller, List<Item>> seen) {
		int status = result.getResponse().getStatus();
		String body;
		try {
			body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String location = result.getResponse().getRedirectedUrl();
		if (status != expected.status()) {
			return "expected " + expected.status() + " but was " + status + " (" + target
					+ (location == null ? "" : " → " + location) + ")" + excerpt(body);
		}
		boolean toLogin = location != null && location.matches("(https?://[^/]+)?/login([?#].*)?");
		if (!caller.signedIn() && row.page && row.anonymous == null && !toLogin) {
			return "expected a redirect to the login form but went to " + location;
		}
		if (caller.signedIn() && status == 302 && toLogin) {
			return "signed in, yet sent to the login form (" + target + ")";
		}
		Object reached = result.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		boolean refusedBeforeMvc = status == 401 || (status == 302 && toLogin);
		if (!row.outsideMvc && !refusedBeforeMvc && !row.pattern.equals(reached)) {
			return target + " reached " + (reached == null ? "no handler" : reached) + ", not " + row.pattern;
		}
		if (expected.granted() && row.okBody != null && !row.okBody.test(body)) {
			return "answer should show " + row.okBodyText + excerpt(body);
		}
		if (expected.granted() && row.listing != null && status < 300) {
			List<Item> items = row.listing.items(body, this);
			seen.put(caller, items);
			List<Object> foreign = items.stream().filter(i -> !visible(row, caller, i)).map(Item::key).toList();
			if (!foreign.isEmpty()) {
				return "lists records it must not see: " + foreign;
			}
		}
		return null;
	}

	private boolean visible(Row row, Caller caller, Item item) {
		return row.visibility != null ? row.visibility.test(caller, item) : readsAny(caller, item.agencies());
	}

	/**
	 * A listing proves something only if some caller saw a record that another caller
	 * must not see.
	 */
	private void checkTeeth(Row row, Map<Caller, List<Item>> seen, Map<Caller, Answer> answers, List<String> failures) {
		if (row.withoutTeeth != null) {
			return;
		}
		List<Caller> listed = new ArrayList<>(seen.keySet());
		boolean teeth = seen.values()
			.stream()
			.flatMap(List::stream)
			.anyMatch(item -> listed.stream().anyMatch(c -> !visible(row, c, item)));
		if (!teeth) {
			failures.add(row.key() + ": no caller saw a record another caller must not see, so the listing check "
					+ "proves nothing (callers listed: " + listed + ")");
		}
	}

	private static String excerpt(String body) {
		String text = body.replaceAll("\\s+", " ").trim();
		return text.isEmpty() ? "" : " — " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
	}

	/** The supplier's value, computed on first use. */
	public static <T> Supplier<T> once(Supplier<T> supplier) {
		return new Supplier<>() {

			private @Nullable T value;

			private boolean done;

			@Override
			public synchronized T get() {
				if (!done) {
					value = supplier.get();
					done = true;
				}
				return value;
			}
		};
	}

	// --- coverage

	/**
	 * Every (method, pattern) of the application's own handlers, as {@code GET
	 * /api/v1/systems/{id}}.
	 */
	public static Set<String> handlers(RequestMappingHandlerMapping mappings) {
		Set<String> keys = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("vn.khien")) {
				return;
			}
			// NB: the container's error dispatch answers for every handler, in their
			// rows; a direct visit is tried in ErrorPagesServerTests
			if (org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(method.getBeanType())) {
				return;
			}
			for (var verb : info.getMethodsCondition().getMethods()) {
				for (String pattern : info.getPatternValues()) {
					keys.add(verb.name() + " " + pattern);
				}
			}
			if (info.getMethodsCondition().getMethods().isEmpty()) {
				info.getPatternValues().forEach(p -> keys.add("ANY " + p));
			}
		});
		return keys;
	}

	/**
	 * The rows every module declares, found on the test class path and declared without
	 * running anything.
	 */
	public static List<String> declaredRows(ApplicationContext context) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Module.class));
		AutowireCapableBeanFactory factory = context.getAutowireCapableBeanFactory();
		List<String> keys = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("vn.khien")) {
			try {
				var constructor = Class.forName(candidate.getBeanClassName()).getDeclaredConstructor();
				constructor.setAccessible(true);
				Module module = (Module) constructor.newInstance();
				factory.autowireBean(module);
				AccessMatrix matrix = new AccessMatrix(null);
				module.declare(matrix);
				matrix.rows.stream().filter(r -> !r.outsideMvc).forEach(r -> keys.add(r.key()));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot declare the rows of " + candidate.getBeanClassName(), ex);
			}
		}
		return keys;
	}

	/**
	 * Handlers without a row, rows without a handler, and handlers with more than one
	 * row.
	 */
	public record Coverage(Set<String> missing, Set<String> stale, Set<String> duplicated) {

		public boolean complete() {
			return missing.isEmpty() && stale.isEmpty() && duplicated.isEmpty();
		}
	}

	public static Coverage coverage(Set<String> handlers, List<String> rows) {
		Set<String> declared = new LinkedHashSet<>();
		Set<String> duplicated = new TreeSet<>();
		for (String row : rows) {
			if (!declared.add(row)) {
				duplicated.add(row);
			}
		}
		Set<String> missing = new TreeSet<>(handlers);
		missing.removeAll(declared);
		Set<String> stale = new TreeSet<>(declared);
		stale.removeAll(handlers);
		return new Coverage(missing, stale, duplicated);
	}

}
