package org.partyline.itest.support;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Jakarta servlet whose invite route does what the test says; registered through a participant bundle's context,
 * so that bundle owns it. Counts how often its invite code ran.
 */
public final class ScriptedServlet extends HttpServlet {

	/** What the servlet does with an invitation. */
	@FunctionalInterface
	public interface OnInvite {
		void invited(Partyline partyline, HttpServletResponse response) throws Exception;
	}

	private static final long serialVersionUID = 1L;

	private final transient OnInvite onInvite;
	private final AtomicInteger invitations = new AtomicInteger();

	public ScriptedServlet(OnInvite onInvite) {
		this.onInvite = onInvite;
	}

	/** Joins with one handler of that name, answering {@code answer}. */
	public static ScriptedServlet joining(String serviceName, Object answer) {
		return new ScriptedServlet((partyline, response) -> {
			partyline.connect(serviceName, payload -> answer);
			response.getWriter().print("joined");
		});
	}

	public int invitations() {
		return invitations.get();
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getPathInfo() == null ? request.getServletPath() : request.getPathInfo();
		if (!path.endsWith("/__invite__/") && !path.endsWith("/__invite__")) {
			response.getWriter().print("page");
			return;
		}
		invitations.incrementAndGet();
		try {
			onInvite.invited((Partyline) request.getAttribute(PartylineConstants.REQUEST_ATTRIBUTE), response);
		} catch (IOException | RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
