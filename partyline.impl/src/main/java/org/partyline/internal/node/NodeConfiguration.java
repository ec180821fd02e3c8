package org.partyline.internal.node;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.partyline.api.PartylineConstants;

/**
 * The configuration of PID {@value PartylineConstants#NODE_CONFIGURATION_PID}: without it there is no node, and the
 * partyline stays within this framework.
 */
@ObjectClassDefinition(id = PartylineConstants.NODE_CONFIGURATION_PID, name = "Partyline node",
		description = "Makes this framework's partyline a node: it offers its handlers to the partylines of other "
				+ "frameworks (its peers) through OSGi Remote Services (Aries RSA with the partyline's transport), and asks them "
				+ "in turn. Peers prove they hold the same secret before anything they send is read; what they send "
				+ "afterwards is not encrypted: keep nodes on a private network.")
public @interface NodeConfiguration {

	int DEFAULT_DEADLINE_MILLIS = 1000;
	int DEFAULT_CALLS_PER_PEER = 8;

	@AttributeDefinition(name = "Name", required = false,
			description = "The name this node's replies carry on its peers; empty: ADDRESS:PORT.")
	String name() default "";

	@AttributeDefinition(name = "Address",
			description = "The address peers reach this node at; the node listens on it alone.")
	String address() default "127.0.0.1";

	@AttributeDefinition(name = "Port", min = "1", max = "65535",
			description = "The TCP port this node's service is exported on; its peers name it in their peer lists.")
	int port();

	@AttributeDefinition(name = "Secret", type = AttributeType.PASSWORD,
			description = "The secret every node of this partyline shares, 16 characters or more: a peer is answered "
					+ "only once it proved it holds it, and asked only once it proved the same.")
	String secret();

	@AttributeDefinition(name = "Peers", required = false,
			description = "The other nodes, each host:port, in the order their replies come after this node's.")
	String[] peers() default {};

	@AttributeDefinition(name = "Deadline (ms)", min = "1",
			description = "How long askAround, askFirst and replies wait for the peers, at most; askAroundAsync "
					+ "uses its own deadline.")
	int deadlineMillis() default DEFAULT_DEADLINE_MILLIS;

	@AttributeDefinition(name = "Ask peers for applications here",
			description = "When false (the default), a peer's handlers of an application that also has handlers of "
					+ "the name in this framework are not asked: an application here answers from here, and a "
					+ "replicated one is not heard twice. When true, they are asked too.")
	boolean askPeersForApplicationsHere() default false;

	@AttributeDefinition(name = "Calls per peer", min = "1",
			description = "How many calls to one peer may be under way at once; beyond it a peer whose calls all "
					+ "outlived their asks is late at once.")
	int callsPerPeer() default DEFAULT_CALLS_PER_PEER;
}
