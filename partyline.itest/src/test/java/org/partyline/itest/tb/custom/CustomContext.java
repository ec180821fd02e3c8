package org.partyline.itest.tb.custom;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;

/** A servlet context of this bundle's own, at /custom. */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE, property = {
		"osgi.http.whiteboard.context.name=customctx", "osgi.http.whiteboard.context.path=/custom" })
public class CustomContext extends ServletContextHelper {
}
