/** The demo applications' page layout, shared so each application's code shows only what is its own. */
@Export
@Version("1.0.0")
package org.partyline.demo.page;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
