/**
 * The participants' side: the {@code Partyline} service each bundle gets (bundle scope, so the partyline knows who
 * asks and who connects), the connections it makes, and the witness that tells the invitations a connect happened.
 * Private to the impl bundle.
 */
package org.partyline.internal.participant;
