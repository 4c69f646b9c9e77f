/**
 * Cross-cutting services every module uses: accounts, login, tokens and agency scope, the
 * audit trail, problem details, languages and the web layout.
 */
@org.jspecify.annotations.NullMarked
package vn.khien.platform;
