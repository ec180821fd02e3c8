/**
 * The nodes' transport, a distribution provider for Aries RSA's SPI (configuration type {@value
 * org.partyline.transport.internal.PartylineTransport#CONFIG_TYPE}). Each node listens on one port; each peer is
 * reached over one kept connection, which carries every call to it at once (each frame names its call). Before any
 * frame, both ends prove they hold the nodes' shared secret ({@link org.partyline.transport.internal.Handshake});
 * every value read is read through the partyline's serial filter, set on that stream alone
 * ({@link org.partyline.transport.internal.WireStreams}). A connection that fails fails only the calls on it.
 */
package org.partyline.transport.internal;
