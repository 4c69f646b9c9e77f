package vn.khien.incident;

import org.jspecify.annotations.Nullable;

/**
 * One task of a scenario's playbook, in the order the responders take them
 * ({@code position} from 1), with the phase of the response it belongs to.
 */
public record PlaybookTask(int position, IncidentPhase phase, String title, @Nullable String description) {
}
