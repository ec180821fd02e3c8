/**
 * The Partyline API: the {@link org.partyline.api.Partyline} service every participant uses, the
 * {@link org.partyline.api.Handler} it connects, the {@link org.partyline.api.Reply} that names who answered, and the
 * exceptions and constants they share.
 * <p>
 * This package has no dependency on any servlet API, so bundles that never serve HTTP can take part.
 */
@Export
@Version("1.2.0")
package org.partyline.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
