<?php
// Router for `php -S`: serve uploaded files from WP_CONTENT_DIR (Debian keeps
// wp-content outside the docroot), everything else goes to WordPress.
if (getenv('WORDPRESS_CONFIG')) {      // php -S leaves the environment out of $_SERVER
    $_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
}
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$content = getenv('WP_LOCAL_CONTENT_DIR') ?: '/var/lib/wordpress/wp-content';
if (strncmp($path, '/wp-content/', 12) === 0 && strpos($path, '..') === false) {
    $f = $content . substr($path, 11);
    if (is_file($f) && !preg_match('/\.php$/', $f)) {
        $types = ['jpg'=>'image/jpeg','jpeg'=>'image/jpeg','png'=>'image/png','gif'=>'image/gif','webp'=>'image/webp','css'=>'text/css','js'=>'application/javascript'];
        $ext = strtolower(pathinfo($f, PATHINFO_EXTENSION));
        header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
        header('Content-Length: ' . filesize($f));
        readfile($f);
        return true;
    }
}
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && file_exists($file) && !is_dir($file)) {
    return false;              // real file (static or .php): let php -S handle it
}
// pretty permalinks: /wp-json/..., /hello-world/ ...
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
