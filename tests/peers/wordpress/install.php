<?php
// Non-interactive WordPress install: site, admin user, pretty permalinks, one Application Password.
// usage: php install.php 127.0.0.1:8080   (prints the application password)
$hostport = $argv[1] ?? '127.0.0.1:8080';
$_SERVER['HTTP_HOST'] = $hostport;
if (getenv('WORDPRESS_CONFIG')) {                // Debian's wp-config.php picks config-<this>.php
    $_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
}
$_SERVER['SERVER_NAME'] = explode(':', $hostport)[0];
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require (getenv('WP_ROOT') ?: '/usr/share/wordpress') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) {
    wp_install('Portal CI', 'admin', 'admin@example.invalid', true, '', 'admin-password-123');
}
update_option('siteurl', "http://$hostport");
update_option('home', "http://$hostport");
update_option('permalink_structure', '/%postname%/');   // makes /wp-json/... work (?rest_route= works anyway)
$user = get_user_by('login', 'admin');
list($pass, $item) = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'siaran-ci-' . uniqid()]);
echo $pass, "\n";
