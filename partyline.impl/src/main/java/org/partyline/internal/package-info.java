/**
 * The impl bundle's private code. This package holds what every part shares: the partyline's configuration and its
 * checks, and small rules (thread names, fatal errors, bundle states). Its subpackages, each depending only on those
 * listed before it:
 * <ul>
 * <li>{@code handlers}: the handlers connected here, indexed by name, each with its lane and its replies;</li>
 * <li>{@code ask}: asking, from one entry ({@code Asks}): on the caller's thread, with a deadline on the partyline's
 * threads, and the peers' part of an ask;</li>
 * <li>{@code participant}: the {@code Partyline} each bundle gets, what it connects, and the witness of connects;</li>
 * <li>{@code invite}: discovering and inviting servlets and WARs;</li>
 * <li>{@code node}: this framework as a node of several, with its peers;</li>
 * <li>{@code shell}, {@code console}, {@code health}: the views.</li>
 * </ul>
 */
package org.partyline.internal;
