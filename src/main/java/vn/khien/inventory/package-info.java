/**
 * The province's inventory: information systems and their products, hosts and endpoints,
 * and anti-malware coverage.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.inventory;
