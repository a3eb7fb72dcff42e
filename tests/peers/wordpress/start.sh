#!/usr/bin/env bash
# Real WordPress (Debian package) + MariaDB, both private to $WP_STATE, served by `php -S` on
# http://127.0.0.1:$WP_PORT. Installs the Debian packages when missing. Prints the env to use and
# writes it to $WP_STATE/env. Stop with stop.sh. Recipe and costs: docs/peers.md §2.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WP_STATE="${WP_STATE:-$HERE/state}"
WP_PORT="${WP_PORT:-8080}"
WP_ENV="${WP_ENV:-production}"     # 'local' also allows an http:// success_url in authorize-application.php
HOSTPORT="127.0.0.1:$WP_PORT"
WP_ROOT=/usr/share/wordpress

# Already running from an earlier start.sh: say so and reuse it.
if [ -f "$WP_STATE/php.pid" ] && kill -0 "$(cat "$WP_STATE/php.pid")" 2>/dev/null \
   && curl -fs "http://$HOSTPORT/wp-json/" >/dev/null && [ -f "$WP_STATE/env" ]; then
  cat "$WP_STATE/env"; exit 0
fi
if ! dpkg -s wordpress mariadb-server php-cli php-mysql php-gd >/dev/null 2>&1; then
  echo "installing wordpress, mariadb and php from Debian (about 30 s)..." >&2
  apt_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y \
    --no-install-recommends wordpress php-cli php-mysql php-gd mariadb-server mariadb-client curl; }
  # a fresh machine may have no package lists yet: update once, then try again
  { apt_install || { apt-get -o DPkg::Lock::Timeout=900 update && apt_install; }; } \
    >"${TMPDIR:-/tmp}/wp-apt.log" 2>&1 || { tail -20 "${TMPDIR:-/tmp}/wp-apt.log" >&2; exit 1; }
fi
(exec 3<>"/dev/tcp/127.0.0.1/$WP_PORT") 2>/dev/null && { echo "port $WP_PORT already in use" >&2; exit 1; }
"$HERE/stop.sh" >/dev/null 2>&1 || true       # leftovers of a run that was killed
rm -rf "$WP_STATE"; mkdir -p "$WP_STATE"/{db,wp-content/uploads,wp-content/plugins,wp-content/themes,wp-content/mu-plugins}
fail() { echo "wordpress did not start: $1" >&2; for f in "$WP_STATE"/*.log "$WP_STATE"/*.err; do [ -f "$f" ] && tail -20 "$f" >&2; done; "$HERE/stop.sh" >/dev/null 2>&1; exit 1; }

# 1. MariaDB: private datadir, unix socket only (no TCP port at all)
mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$WP_STATE/db" \
  --auth-root-authentication-method=socket --skip-test-db >"$WP_STATE/db-init.log" 2>&1 || fail "mariadb-install-db"
mariadbd --no-defaults --user="$(id -un)" --datadir="$WP_STATE/db" --socket="$WP_STATE/mysql.sock" \
  --pid-file="$WP_STATE/mariadbd.pidfile" --skip-networking --log-error="$WP_STATE/mariadb.err" \
  --innodb-buffer-pool-size=64M >/dev/null 2>&1 &
echo $! >"$WP_STATE/mariadbd.pid"
for _ in $(seq 1 100); do [ -S "$WP_STATE/mysql.sock" ] && break; sleep 0.2; done
[ -S "$WP_STATE/mysql.sock" ] || fail "mariadbd"
mariadb --no-defaults -S "$WP_STATE/mysql.sock" -uroot -e "CREATE DATABASE wordpress;
  CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';" || fail "create database"

# 2. Debian's wp-config.php loads /etc/wordpress/config-$WORDPRESS_CONFIG.php when that variable
#    is set (else config-<host>.php): one file per port, so no site config of the host is touched
#    and two test sites can run side by side.
export WORDPRESS_CONFIG="siaran-test-$WP_PORT"
CONFIG_FILE="/etc/wordpress/config-$WORDPRESS_CONFIG.php"
echo "$CONFIG_FILE" >"$WP_STATE/config-file"
cat >"$CONFIG_FILE" <<PHP
<?php
define('DB_NAME', 'wordpress'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$WP_STATE/mysql.sock');
define('WP_CONTENT_DIR', '$WP_STATE/wp-content');
define('WP_CONTENT_URL', 'http://$HOSTPORT/wp-content');
define('WP_ENVIRONMENT_TYPE', '$WP_ENV');
define('WP_HTTP_BLOCK_EXTERNAL', true);      // offline: never call api.wordpress.org
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as \$k) define(\$k, 'ci-'.\$k);
PHP
# Application Passwords over plain http, with the environment left at 'production' (closer to a real site):
cat >"$WP_STATE/wp-content/mu-plugins/app-passwords-over-http.php" <<'PHP'
<?php add_filter('wp_is_application_passwords_available', '__return_true');
PHP
for d in "$WP_ROOT"/wp-content/plugins/* "$WP_ROOT"/wp-content/themes/*; do
  [ -e "$d" ] && ln -sfn "$d" "$WP_STATE/wp-content/$(basename "$(dirname "$d")")/"
done

# 3. install + admin + application password (stderr: "sendmail: not found" from the new-site mail)
php "$HERE/install.php" "$HOSTPORT" 2>"$WP_STATE/install.log" >"$WP_STATE/app-password" || fail "install.php"

# 4. web server: PHP's built-in server, one process (workers would outlive a kill of the parent)
WP_LOCAL_CONTENT_DIR="$WP_STATE/wp-content" \
  php -S "$HOSTPORT" -t "$WP_ROOT" "$HERE/router.php" >"$WP_STATE/php.log" 2>&1 &
echo $! >"$WP_STATE/php.pid"
for _ in $(seq 1 50); do curl -fs "http://$HOSTPORT/wp-json/" >/dev/null && break; sleep 0.2; done
kill -0 "$(cat "$WP_STATE/php.pid")" 2>/dev/null && curl -fs "http://$HOSTPORT/wp-json/" >/dev/null || fail "php -S"
cat >"$WP_STATE/env" <<ENV
WP_URL=http://$HOSTPORT
WP_USER=admin
WP_APP_PASSWORD=$(cat "$WP_STATE/app-password")
WP_ADMIN_PASSWORD=admin-password-123
ENV
cat "$WP_STATE/env"
