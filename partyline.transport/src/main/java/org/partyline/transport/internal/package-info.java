/**
 * The nodes' transport, a distribution provider for Aries RSA's SPI (configuration type {@value
 * org.partyline.transport.internal.PartylineTransport#CONFIG_TYPE}). Each node listens on one port; each peer is
 * reached over one kept connection, which carries every call to it at once (each frame names its call). Before any
 * frame, both ends prove they hold the nodes' shared secret ({@link org.partyline.transport.internal.Handshake});
 * what crosses is plain values in a format of the transport's own, which makes only JDK strings, numbers, lists and
 * maps when read, and nothing else ({@link org.partyline.transport.internal.PlainValues}): no Java serialization. A
 * connection that fails fails only the calls on it.
 */
package org.partyline.transport.internal;
