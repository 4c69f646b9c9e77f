/** Information systems of the province's agencies, the hosts, portals and products behind them, and their anti-malware coverage. */
@org.jspecify.annotations.NullMarked
package vn.khien.inventory;
