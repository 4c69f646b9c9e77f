/**
 * Reading uploaded files for every module's imports: tables from CSV (strict UTF-8) and
 * XLSX (streamed), XML opened safely and tolerantly, and the problems found, each with
 * its line or element.
 */
@NamedInterface("importing")
@NullMarked
package vn.khien.platform.importing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
