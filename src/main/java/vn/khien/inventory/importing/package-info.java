/**
 * Streaming parsers that turn uploaded inventory and security-coverage files into
 * records, with one shared asset identity rule
 * ({@link vn.khien.inventory.importing.AssetIdentity}). Parser instances hold no state
 * between calls and may be shared between threads.
 */
@NullMarked
package vn.khien.inventory.importing;

import org.jspecify.annotations.NullMarked;
