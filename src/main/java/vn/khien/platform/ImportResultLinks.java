package vn.khien.platform;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by each module that imports: the list behind one of a finished job's counts
 * (the hosts of the agency the job wrote to, say), so that the job's page links its
 * figures without the platform knowing the modules' pages.
 */
public interface ImportResultLinks {

	/**
	 * The list behind {@code count} of {@code job}, or null when it is not the module's.
	 */
	@Nullable String link(ImportJob job, String count);

}
