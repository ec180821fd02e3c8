/**
 * Invitations: discovering every servlet the whiteboard runtime deployed, inviting it over loopback with a one-time
 * token, guarding invite routes against everyone else, and keeping the outcome per servlet.
 */
package org.partyline.internal.invite;
