package org.partyline.transport.internal;

/**
 * What the transport reads of the node's configuration ({@code org.partyline.node}, whose Metatype the partyline's
 * node component declares): where to listen, and the secret every node of the partyline shares.
 */
@interface NodeSettings {

	int port() default 0;

	String address() default "127.0.0.1";

	String secret() default "";
}
