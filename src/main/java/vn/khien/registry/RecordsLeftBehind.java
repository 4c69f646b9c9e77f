package vn.khien.registry;

import java.util.Collection;

/**
 * Records a module could not move to the successor when their agencies merged or split,
 * so that the reorganisation can say how many stayed behind. The modules that move
 * records on {@link AgenciesMerged} implement it; the registry does not know them.
 */
public interface RecordsLeftBehind {

	/**
	 * The kind of record, as in the answer of the reorganisation API and in
	 * {@code reorg.leftBehind.<kind>}.
	 */
	String kind();

	/** How many records of this kind stayed with these merged or split agencies. */
	long count(Collection<Long> sourceAgencyIds);

}
