package vn.khien.readiness;

/** An agency's officials and workers, whom training should reach. */
public record TrainingWorkforce(long agencyId, int officials, int workers) {

	public int headcount() {
		return officials + workers;
	}

}
