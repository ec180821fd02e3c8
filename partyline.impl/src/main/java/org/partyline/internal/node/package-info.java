/**
 * The partyline across frameworks: a node offers this framework's handlers to its peers through one service
 * exported with OSGi Remote Services (Apache Aries RSA and the partyline's own transport, bundle
 * {@code partyline.transport}), and asks the peers it imports.
 */
package org.partyline.internal.node;
