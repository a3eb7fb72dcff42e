// Real OAuth 2.0 / OpenID Connect authorization server (panva/oidc-provider) on 127.0.0.1, the peer
// for Siaran's PKCE loopback sign-in (composer/core/oauth.py). Recipe: docs/peers.md §3.
// The dev login page accepts any username (devInteractions); PKCE S256 is enforced for every client.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT || 9090);
const issuer = `http://127.0.0.1:${port}`;
// RFC 8252 7.3: a native client registered with http://127.0.0.1/callback may use any loopback port.
const loopback = { application_type: 'native', redirect_uris: ['http://127.0.0.1/callback'],
  grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] };
const provider = new Provider(issuer, {
  clients: [
    { ...loopback, client_id: 'composer-native', token_endpoint_auth_method: 'none' },           // like X "native app"
    { ...loopback, client_id: 'composer-confidential', client_secret: 'composer-secret',
      token_endpoint_auth_method: 'client_secret_basic' },                                      // like X "web app"
    { ...loopback, client_id: 'composer-post', client_secret: 'composer-secret',
      token_endpoint_auth_method: 'client_secret_post' },                                       // like Mastodon
    // A Meta app (Facebook Login / Threads): the secret goes in the token request's form. Same id
    // and secret as the Meta practice fakes, which then do the long-lived exchange.
    { ...loopback, client_id: 'practice-meta-app', client_secret: 'practice-meta-app-secret',
      token_endpoint_auth_method: 'client_secret_post' },
  ],
  pkce: { required: () => true },
  // X's scope names (offline.access included) next to the OIDC ones.
  scopes: ['openid', 'offline_access', 'profile', 'tweet.read', 'tweet.write', 'users.read', 'media.write',
           'offline.access',
           // LinkedIn's page scopes and Google's YouTube scope (their adapters' sign-ins).
           'w_organization_social', 'r_organization_social', 'rw_organization_admin',
           'https://www.googleapis.com/auth/youtube',
           // Meta's: Facebook Page, Instagram (through Facebook Login) and Threads.
           'pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'instagram_basic',
           'instagram_content_publish', 'threads_basic', 'threads_content_publish'],
  // X's endpoint paths, so the X adapter's own sign-in and refresh run against this server unchanged.
  routes: { authorization: '/i/oauth2/authorize', token: '/2/oauth2/token', revocation: '/2/oauth2/revoke' },
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, name: id }) }),
  issueRefreshToken: async () => true,
  // Refresh tokens rotate like X's: every refresh answers a new one and burns the old.
  rotateRefreshToken: true,
  // Introspection (RFC 7662): the Meta fakes ask it whether a short token they are to exchange
  // was really issued here, to their app.
  features: { devInteractions: { enabled: true }, revocation: { enabled: true },
              introspection: { enabled: true } },
  ttl: { AccessToken: 3600, AuthorizationCode: 60, RefreshToken: 86400, Interaction: 600, Session: 86400,
         Grant: 86400, IdToken: 3600 },
});
provider.listen(port, '127.0.0.1', () => console.log(`OIDC issuer ${issuer}`));
process.on('SIGTERM', () => process.exit(0));
