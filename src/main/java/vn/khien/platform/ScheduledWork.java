package vn.khien.platform;

/**
 * Work a module wants done on a schedule, declared as a bean: it runs once across all
 * nodes (the platform's job queue holds it in the database), as {@code principal}.
 * {@code cron} has six fields (second first) and is read in Asia/Ho_Chi_Minh.
 */
public record ScheduledWork(String name, String cron, SystemPrincipal principal, Runnable work) {
}
