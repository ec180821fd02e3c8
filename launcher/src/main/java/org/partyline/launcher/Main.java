package org.partyline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * {@code java -jar partyline.jar}: starts a Felix framework with the run bundles embedded in this jar, at the start
 * levels and with the run properties of the resolved {@code partyline.bndrun}, then waits until the framework stops
 * (Ctrl-C, SIGTERM, or {@code stop 0} in the shell).
 */
public final class Main {

	static final String DEPLOY_FOLDER = "felix.fileinstall.dir";
	private static final long STOP_TIMEOUT_MS = 20_000;
	/**
	 * The exit code when the launcher refuses to start (the console's default login beyond loopback, a malformed
	 * node option).
	 */
	static final int REFUSED = 2;

	/** SPI Fly reports every provider it registers at INFO through java.util.logging; warnings are enough. */
	private static final Logger SPI_FLY_LOG = Logger.getLogger("org.apache.aries.spifly");
	/**
	 * The Web Console, the Health Checks and Aries RSA log at INFO through SLF4J what they register and which
	 * optional classes they miss (one line names {@code BackingStoreException}, reading like an error): warnings are
	 * enough. SLF4J Simple reads its levels from system properties; a {@code -D} of the same name wins.
	 */
	private static final List<String> QUIET_SLF4J_LOGGERS = List.of("org.apache.felix.webconsole", "org.apache.felix.hc",
			"org.apache.aries.rsa");

	/** demo.page's Links: the base URL the demo's applications put before the links they answer. */
	private static final String DEMO_BASE = "partyline.demo.base";
	private static final String DEMO_BASE_FROM_INVITATION = "invitation";

	private static final String USAGE = """
			Usage: java [-Dname=value ...] -jar partyline.jar
			  -Dorg.osgi.service.http.port=N       HTTP port (8080; 0 picks a free one)
			  -Dorg.apache.felix.http.host=ADDR    address to listen on (127.0.0.1; 0.0.0.0 opens it to the network and
			                                       then needs a Web Console password of your own)
			  -Dfelix.webconsole.username=NAME     the Web Console's login name (admin), at /system/console
			  -Dfelix.webconsole.password=SECRET   its password (admin)
			  -Dfelix.fileinstall.dir=DIR          watched folder for bundles and .cfg/.config files (deploy)
			  -Dorg.osgi.framework.storage=DIR     keep installed bundles and configuration in DIR between starts
			                                       (default: a fresh temporary folder, deleted at exit)
			  -Dpartyline.node.port=N              make this framework a node of a partyline across JVMs, reached at
			                                       port N; off when not given. A node needs the secret all nodes
			                                       share, 16 characters or more, in the environment variable
			                                       PARTYLINE_NODE_SECRET (or -Dpartyline.node.secret, which other
			                                       users of the machine can read in the process list)
			  -Dpartyline.node.peers=HOST:PORT,... the other nodes to ask (none)
			  -Dpartyline.node.name=NAME           this node's name in the others' replies (ADDRESS:PORT)
			  -Dpartyline.node.address=ADDR        the address the others reach this node at, and it listens on
			                                       (127.0.0.1)
			  -Dpartyline.demo.base=URL            on a node, the base URL of the demo's links, so that the other
			                                       nodes' pages can use them (the address its invitations came to)
			Every run property of partyline.bndrun can be overridden the same way.""";

	private Main() {
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		if (args.length > 0) {
			System.out.println(USAGE);
			return;
		}
		SPI_FLY_LOG.setLevel(Level.WARNING);
		for (String logger : QUIET_SLF4J_LOGGERS) {
			String level = "org.slf4j.simpleLogger.log." + logger;
			System.setProperty(level, System.getProperty(level, "warn"));
		}
		RunSpec spec;
		try (InputStream bndrun = Main.class.getResourceAsStream("/partyline.bndrun")) {
			spec = RunSpec.read(bndrun);
		}
		UnaryOperator<String> property = name -> System.getProperty(name, spec.properties().get(name));
		ConsoleLogin.refusal(property).ifPresent(Main::refuse);
		Optional<NodeOptions> node = Optional.empty();
		try {
			node = NodeOptions.from(property, System::getenv);
		} catch (IllegalArgumentException malformed) {
			refuse(malformed.getMessage());
		}
		Path launcherJar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Storage storage = Storage.chosen();
		Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
				.newFramework(configuration(spec, storage, node.isPresent()));
		framework.init(); // cleans a fresh storage: the shipped configuration is written after
		Path configurationFolder = ShippedConfiguration.folderIn(storage);
		new ShippedConfiguration(launcherJar).writeTo(configurationFolder);
		if (node.isPresent()) {
			node.get().writeTo(configurationFolder);
		} else {
			NodeOptions.removeFrom(configurationFolder);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework, storage), "partyline-stop"));
		ServingAnnouncement.listen(framework.getBundleContext(), started);
		NodeAnnouncement.listen(framework.getBundleContext());
		new EmbeddedBundles(launcherJar).install(framework.getBundleContext(), spec);
		framework.start();
		framework.waitForStop(0);
		System.exit(0); // stopped from the shell: the shell's thread may still be blocked reading stdin
	}

	private static void refuse(String why) {
		System.err.println(why);
		System.exit(REFUSED);
	}

	/**
	 * The run properties, each overridden by a system property of the same name, plus storage and start level, and
	 * for a node the base of the demo's links.
	 */
	private static Map<String, String> configuration(RunSpec spec, Storage storage, boolean node) throws IOException {
		Map<String, String> configuration = new HashMap<>();
		spec.properties().forEach((name, value) -> configuration.put(name, System.getProperty(name, value)));
		if (node) {
			// the demo's links then name this node, so that its peers' pages can use them (-D... to give another)
			configuration.put(DEMO_BASE, System.getProperty(DEMO_BASE, DEMO_BASE_FROM_INVITATION));
		}
		String deploy = configuration.get(DEPLOY_FOLDER);
		if (deploy != null) {
			Path folder = Files.createDirectories(Path.of(deploy)).toAbsolutePath();
			// FileInstall watches each folder of a comma-separated list
			configuration.put(DEPLOY_FOLDER, folder + "," + ShippedConfiguration.folderIn(storage));
		}
		configuration.put(Constants.FRAMEWORK_STORAGE, storage.folder().toString());
		if (storage.fresh()) {
			configuration.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
		}
		configuration.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(spec.highestStartLevel()));
		return configuration;
	}

	private static void stop(Framework framework, Storage storage) {
		try {
			framework.stop();
			if (framework.waitForStop(STOP_TIMEOUT_MS).getType() == FrameworkEvent.WAIT_TIMEDOUT) {
				System.err.println("Partyline: the framework did not stop within " + STOP_TIMEOUT_MS + " ms");
			}
		} catch (Exception e) {
			System.err.println("Partyline: stopping the framework failed: " + e);
		}
		storage.deleteIfFresh();
	}

}
