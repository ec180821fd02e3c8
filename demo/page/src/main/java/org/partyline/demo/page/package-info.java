/**
 * What the demo applications share, so each application's code shows only what is its own: the page layout
 * ({@link org.partyline.demo.page.Html}), the asking behind every page ({@link org.partyline.demo.page.Guest}), and
 * the links an application answers ({@link org.partyline.demo.page.Links}).
 */
@Export
@Version("1.1.0")
package org.partyline.demo.page;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
