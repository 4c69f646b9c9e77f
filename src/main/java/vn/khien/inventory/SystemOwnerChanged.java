package vn.khien.inventory;

/**
 * A system was given to another owner agency (by its edit form, not by a merger, which
 * {@code registry.AgenciesMerged} tells): what other modules hold of it by its owner
 * follows, in the same transaction.
 */
public record SystemOwnerChanged(long systemId, long fromAgencyId, long toAgencyId) {
}
