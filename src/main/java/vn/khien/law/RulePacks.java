package vn.khien.law;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khien.law.RulePack.Approval;
import vn.khien.law.RulePack.Condition;
import vn.khien.law.RulePack.Criterion;
import vn.khien.law.RulePack.IncidentDeadline;
import vn.khien.law.RulePack.Level;
import vn.khien.law.RulePack.Obligation;
import vn.khien.law.internal.PackException;
import vn.khien.law.internal.RulePackReader;
import vn.khien.platform.AuditLog;
import vn.khien.platform.CurrentUser;
import vn.khien.platform.InvalidInputException;
import vn.khien.platform.KhienSettings;
import vn.khien.platform.NotFoundException;
import vn.khien.platform.Role;

/**
 * The rule packs: those shipped in {@code law/packs/}, then those of the packs folder
 * (which replace a shipped pack of the same id), each checked whole at start-up. A broken
 * pack, or one whose period overlaps another's, is refused with its file and line and the
 * pack it would have replaced stays in force. Values an administrator adjusted are
 * applied on top; other nodes see an adjustment within {@link #REFRESH}.
 */
@Service
public class RulePacks {

	private static final Logger log = LoggerFactory.getLogger(RulePacks.class);

	static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	private final List<RulePack> loaded;

	private final List<PackRefusal> refused;

	private volatile Adjusted adjusted = new Adjusted(List.of(), Instant.EPOCH);

	private record Adjusted(List<RulePack> packs, Instant readAt) {
	}

	RulePacks(JdbcClient jdbc, AuditLog audit, CurrentUser currentUser, KhienSettings khien, LawSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.currentUser = currentUser;
		List<PackRefusal> refusals = new ArrayList<>();
		Map<String, RulePack> packs = new LinkedHashMap<>();
		for (Resource resource : shipped()) {
			offer(packs, refusals, resource.getFilename(), resource::getInputStream);
		}
		Path dir = settings.packsDir() != null ? settings.packsDir() : khien.dataDir().resolve("rule-packs");
		for (Path file : files(dir)) {
			offer(packs, refusals, file.toString(), () -> Files.newInputStream(file));
		}
		this.loaded = packs.values().stream().sorted(Comparator.comparing(RulePack::effectiveFrom)).toList();
		this.refused = List.copyOf(refusals);
		loaded.forEach(p -> log.info("rule pack {} ({}) in force {} to {}", p.id(), p.file(), p.effectiveFrom(),
				p.effectiveTo() == null ? "further notice" : p.effectiveTo()));
	}

	private interface Opener {

		InputStream open() throws IOException;

	}

	private static void offer(Map<String, RulePack> packs, List<PackRefusal> refusals, @Nullable String file,
			Opener opener) {
		String name = file == null ? "?" : file;
		RulePack pack;
		try (InputStream in = opener.open()) {
			pack = RulePackReader.read(name, in);
		}
		catch (PackException ex) {
			refuse(refusals, ex.refusal());
			return;
		}
		catch (IOException ex) {
			refuse(refusals, new PackRefusal(name, 0, "law.pack.unreadable", List.of(String.valueOf(ex.getMessage()))));
			return;
		}
		for (RulePack other : packs.values()) {
			if (!other.id().equals(pack.id()) && other.overlaps(pack)) {
				refuse(refusals, new PackRefusal(name, 0, "law.pack.overlap", List.of(other.id(), other.file())));
				return;
			}
		}
		RulePack replaced = packs.put(pack.id(), pack);
		if (replaced != null) {
			log.info("rule pack {} of {} replaces the one of {}", pack.id(), name, replaced.file());
		}
	}

	private static void refuse(List<PackRefusal> refusals, PackRefusal refusal) {
		log.error("rule pack {} refused at line {}: {} {}", refusal.file(), refusal.line(), refusal.messageKey(),
				refusal.args());
		refusals.add(refusal);
	}

	private static List<Resource> shipped() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:law/packs/*.yaml");
			return java.util.Arrays.stream(found)
				.sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<Path> files(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
			stream.forEach(files::add);
		}
		catch (IOException ex) {
			log.error("cannot list rule packs in {}: {}", dir, ex.getMessage());
		}
		files.sort(Comparator.naturalOrder());
		return files;
	}

	/** Every pack, the oldest first. */
	public List<RulePack> all() {
		return packs();
	}

	/** The files refused at start-up and why. */
	public List<PackRefusal> refused() {
		return refused;
	}

	public RulePack get(String id) {
		return packs().stream()
			.filter(p -> p.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("rule pack", id));
	}

	public Optional<RulePack> inForce(LocalDate date) {
		return packs().stream().filter(p -> p.inForceOn(date)).findFirst();
	}

	/** The pack in force on the date, or a 400 naming the date when none is. */
	public RulePack requireInForce(LocalDate date) {
		return inForce(date).orElseThrow(() -> new InvalidInputException("date", "law.pack.noneInForce",
				date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
	}

	/**
	 * The level the pack in force on {@code date} gives {@code facts}: the highest of the
	 * levels whose criteria they meet (a system at several levels is at the highest).
	 */
	public LevelProposal propose(LocalDate date, SystemFacts facts) {
		RulePack pack = requireInForce(date);
		List<Criterion> met = pack.criteria().stream().filter(c -> c.metBy(facts)).toList();
		if (met.isEmpty()) {
			throw new InvalidInputException("facts", "law.proposal.noneMet", pack.title());
		}
		return new LevelProposal(met.get(0).level(), pack.id(), pack.title(), LevelProposal.Cited.of(met.get(0)),
				met.stream().map(LevelProposal.Cited::of).toList(), facts.asMap());
	}

	/**
	 * Changes one value of a pack (audited): an appraisal's or approval's time limit, how
	 * often an obligation comes round, an incident deadline, a criterion's threshold.
	 */
	@Transactional
	public RulePack adjust(String packId, String target, long amount, String reason) {
		if (!currentUser.get().has(Role.ADMIN)) {
			throw InvalidInputException.withStatus(403, "law.adjust.adminOnly");
		}
		RulePack file = loaded.stream()
			.filter(p -> p.id().equals(packId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("rule pack", packId));
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidInputException("reason", "law.adjust.reason");
		}
		if (amount < 0 || amount > 100_000_000) {
			throw new InvalidInputException("amount", "law.adjust.amount");
		}
		Long original = valueOf(file, target);
		if (original == null) {
			throw new InvalidInputException("target", "law.adjust.target", target);
		}
		Long before = jdbc.sql("SELECT amount FROM rule_pack_adjustment WHERE pack_id = :p AND target = :t")
			.param("p", packId)
			.param("t", target)
			.query(Long.class)
			.optional()
			.orElse(null);
		jdbc.sql("DELETE FROM rule_pack_adjustment WHERE pack_id = :p AND target = :t")
			.param("p", packId)
			.param("t", target)
			.update();
		jdbc.sql("""
				INSERT INTO rule_pack_adjustment (pack_id, target, amount, original, reason, adjusted_by, adjusted_at)
				VALUES (:p, :t, :amount, :original, :reason, :by, :at)""")
			.param("p", packId)
			.param("t", target)
			.param("amount", amount)
			.param("original", original)
			.param("reason", reason.trim())
			.param("by", currentUser.name())
			.param("at", Timestamp.from(Instant.now()))
			.update();
		audit.record("RULE_PACK_ADJUSTED", "rule_pack", packId,
				Map.of("target", target, "amount", before != null ? before : original),
				Map.of("target", target, "amount", amount, "reason", reason.trim()));
		adjusted = new Adjusted(List.of(), Instant.EPOCH);
		return get(packId);
	}

	private List<RulePack> packs() {
		Adjusted current = adjusted;
		if (current.readAt().plus(REFRESH).isAfter(Instant.now())) {
			return current.packs();
		}
		List<PackAdjustment> all = jdbc.sql("""
				SELECT pack_id, target, amount, original, reason, adjusted_by, adjusted_at
				FROM rule_pack_adjustment ORDER BY pack_id, target""")
			.query((rs, n) -> new PackAdjustment(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
		List<RulePack> packs = loaded.stream()
			.map(p -> apply(p, all.stream().filter(a -> a.pack().equals(p.id())).toList()))
			.toList();
		adjusted = new Adjusted(packs, Instant.now());
		return packs;
	}

	/** The value {@code target} names in the pack as read from its file, or null. */
	static @Nullable Long valueOf(RulePack pack, String target) {
		Long[] found = { null };
		rewrite(pack, target, value -> {
			found[0] = value;
			return value;
		});
		return found[0];
	}

	private static RulePack apply(RulePack pack, List<PackAdjustment> adjustments) {
		RulePack result = pack;
		List<PackAdjustment> applied = new ArrayList<>();
		for (PackAdjustment a : adjustments) {
			if (valueOf(result, a.target()) != null) {
				result = rewrite(result, a.target(), v -> a.amount());
				applied.add(a);
			}
		}
		return new RulePack(result.id(), result.version(), result.title(), result.effectiveFrom(), result.effectiveTo(),
				result.texts(), result.levels(), result.approvals(), result.dossierParts(), result.requirements(),
				result.targets(), result.obligations(), result.incidentDeadlines(), result.incidentTypes(),
				result.seriousIncident(), result.file(), List.copyOf(applied));
	}

	/** The pack with the value {@code target} names replaced; unchanged if none. */
	private static RulePack rewrite(RulePack p, String target, UnaryOperator<Long> change) {
		String[] parts = target.split(":", -1);
		String kind = parts[0];
		String key = parts.length > 1 ? parts[1] : "";
		List<Approval> approvals = p.approvals();
		List<Obligation> obligations = p.obligations();
		List<IncidentDeadline> deadlines = p.incidentDeadlines();
		List<Level> levels = p.levels();
		switch (kind) {
			case "appraisal", "approval" -> {
				if (!key.matches("[1-5]") || parts.length != 2) {
					return p;
				}
				int level = Integer.parseInt(key);
				approvals = approvals.stream().map(a -> {
					if (!a.levels().contains(level)) {
						return a;
					}
					boolean appraisal = kind.equals("appraisal");
					TimeLimit limit = appraisal ? a.appraisalTime() : a.approvalTime();
					TimeLimit changed = changed(limit, change);
					return new Approval(a.levels(), a.appraiser(), a.approver(), a.note(),
							appraisal ? changed : a.appraisalTime(), appraisal ? a.approvalTime() : changed,
							a.source());
				}).toList();
			}
			case "obligation" -> obligations = obligations.stream()
				.map(o -> o.id().equals(key) && parts.length == 2 ? new Obligation(o.id(), o.kind(), o.title(),
						o.levels(), changed(o.every(), change), o.due(), o.recipient(), o.scope(), o.source()) : o)
				.toList();
			case "deadline" -> deadlines = deadlines.stream()
				.map(d -> d.id().equals(key) && parts.length == 2 ? new IncidentDeadline(d.id(), d.title(),
						changed(d.within(), change), d.from(), d.when(), d.recipient(), d.source()) : d)
				.toList();
			case "criterion" -> {
				if (parts.length != 3) {
					return p;
				}
				levels = levels.stream()
					.map(l -> new Level(l.level(), l.name(), l.harm(),
							l.criteria()
								.stream()
								.map(c -> c.id().equals(key) ? new Criterion(c.id(), c.level(), c.text(), c.source(),
										c.conditions().stream().map(cond -> threshold(cond, parts[2], change)).toList())
										: c)
								.toList()))
					.toList();
			}
			default -> {
				return p;
			}
		}
		return new RulePack(p.id(), p.version(), p.title(), p.effectiveFrom(), p.effectiveTo(), p.texts(), levels,
				approvals, p.dossierParts(), p.requirements(), p.targets(), obligations, deadlines, p.incidentTypes(),
				p.seriousIncident(), p.file(), p.adjustments());
	}

	private static @Nullable TimeLimit changed(@Nullable TimeLimit limit, UnaryOperator<Long> change) {
		if (limit == null) {
			return null;
		}
		// a span the law names without an amount may be given one
		long before = limit.amount() == null ? -1 : limit.amount();
		Long after = change.apply(before);
		if (after == null || after == before) {
			return limit;
		}
		return new TimeLimit(after.intValue(), limit.unit(), limit.source());
	}

	private static Condition threshold(Condition c, String fact, UnaryOperator<Long> change) {
		if (!c.fact().key().equals(fact) || c.test() == Condition.Test.ONE_OF) {
			return c;
		}
		return new Condition(c.fact(), c.test(), c.words(), change.apply(c.number()));
	}

}
