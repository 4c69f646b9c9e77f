/** The SOC's API and pages. */
@org.jspecify.annotations.NullMarked
package vn.khien.monitoring.web;
