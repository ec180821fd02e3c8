/**
 * What the demo applications share, so each application's code shows only what is its own: the page layout
 * ({@link org.partyline.demo.page.Html}) and the asking behind every page ({@link org.partyline.demo.page.Guest}).
 */
@Export
@Version("1.0.0")
package org.partyline.demo.page;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
