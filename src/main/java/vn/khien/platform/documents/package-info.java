/**
 * Official documents as PDF and DOCX, laid out as Decree 30/2020/NĐ-CP lays them out: the
 * embedded Vietnamese font, the page helpers both formats draw with, and forms (a form
 * code, a title, fields to fill, tables) that any module renders from a
 * {@link vn.khien.platform.documents.FormDocument} (docs/documents.md, ADR 0008).
 */
@NamedInterface("documents")
@NullMarked
package vn.khien.platform.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
