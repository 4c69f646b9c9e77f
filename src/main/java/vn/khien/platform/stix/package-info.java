/**
 * What every STIX 2.1 and MISP writer in Khiên shares: name-based ids (ADR 0010), the TLP
 * 2.0 marking definitions and observables read into cyber-observables and patterns.
 */
@NamedInterface("stix")
@NullMarked
package vn.khien.platform.stix;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
