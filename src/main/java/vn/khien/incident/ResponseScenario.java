package vn.khien.incident;

import java.util.List;

/**
 * A scenario of a response plan (a defacement, ransomware, a DDoS, a data leak), named by
 * an id unique in its plan, with its playbook: the tasks in order.
 */
public record ResponseScenario(String id, String title, List<PlaybookTask> tasks) {

	public ResponseScenario {
		tasks = List.copyOf(tasks);
	}

}
