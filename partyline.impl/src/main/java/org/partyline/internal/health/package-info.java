/**
 * The partyline's Felix Health Check, registered only for a framework with the Health Check API (imported
 * optionally). Private to the impl bundle.
 */
package org.partyline.internal.health;
