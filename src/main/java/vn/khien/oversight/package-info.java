/**
 * Oversight: what the province's steering subcommittee and leadership see (R9). The
 * dashboard and the agencies' scorecards, built from every module's figures
 * ({@link vn.khien.platform.AgencyFigures}, kept by their read models); the six-monthly
 * and annual reports, made as jobs and mailed by their schedules.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.oversight;
