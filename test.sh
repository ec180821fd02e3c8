#!/bin/sh
# The README's test command: every test of the project, the browser test included. Needs what the quick start
# needs (a JDK 17 or newer, Maven 3.8 or newer) and, for the Web Console's browser test (ConsoleInBrowserIT),
# Chromium and its driver at /usr/bin/chromium and /usr/bin/chromedriver: on Debian this installs them when missing
# (Debian's chromium and chromium-driver, through sudo unless run as root). Arguments go on to Maven.
set -eu
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "test.sh: the browser test needs Chromium at /usr/bin/chromium and ChromeDriver at /usr/bin/chromedriver;" \
			"install both (on Debian this script does it)" >&2
		exit 1
	fi
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		sudo=sudo
	fi
	echo "test.sh: installing Debian's chromium and chromium-driver for the browser test"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

exec mvn -B verify "$@"
