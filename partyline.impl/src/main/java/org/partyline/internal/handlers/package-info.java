/**
 * The handlers connected in this framework: the index from each name to its handlers in precedence order
 * ({@code HandlerIndex}, kept by service events, read without locks), one entry per handler service, the lane its
 * asynchronous calls go through, and the reply it gives. Private to the impl bundle.
 */
package org.partyline.internal.handlers;
