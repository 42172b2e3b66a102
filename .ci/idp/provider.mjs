// Development and test OpenID Connect provider shaped like the Czech eID (NIA, Identita občana),
// built on oidc-provider and served on loopback only. It is NOT for production: the demo people
// and their passwords are public (datasets/demotown/idp/people.json).
//
//   node .ci/idp/provider.mjs [--port 54330] [--client-secret S] [--people FILE] [--exit-with-stdin]
//
// Environment: RADNICE_IDP_PORT, RADNICE_IDP_CLIENT_SECRET (the options win). Port 0 takes any
// free port. The issuer is http://127.0.0.1:PORT; once it listens, the script prints
// "listening ISSUER" on stdout. With --exit-with-stdin it ends when its standard input closes,
// so a test process that started it takes it along however the test process ends.
//
// Like NIA: one confidential client (radnice-demo), authorization code flow only; attributes
// come in the ID token only when the authorize request's `claims` parameter names them; acr is
// the person's eIDAS level of assurance; endpoints live under /FPSTS/oidc/ and discovery is
// also served at NIA's non-standard /FPSTS/oidc/openid-configuration. Unlike NIA: PKCE (S256)
// is required, the ID token is signed but not encrypted, and it carries `sub` (= PersonIdentifier).

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import Provider, { errors, interactionPolicy } from 'oidc-provider';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.RADNICE_IDP_PORT || '54330' },
    'client-secret': { type: 'string', default: process.env.RADNICE_IDP_CLIENT_SECRET || 'radnice-demo-secret' },
    people: { type: 'string', default: new URL('../../datasets/demotown/idp/people.json', import.meta.url).pathname },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

// NIA's attribute names: the claims the portal may ask for.
const NIA_CLAIMS = ['PersonIdentifier', 'CurrentGivenName', 'CurrentFamilyName', 'DateOfBirth',
  'CurrentAddress', 'TRadresaID', 'eMail', 'phonenumber'];

// The eIDAS levels of assurance, as NIA names them.
const LOA = ['low', 'substantial', 'high'].map((level) => `http://eidas.europa.eu/LoA/${level}`);

// The demo people, by login name and by PersonIdentifier (the account id).
const people = JSON.parse(readFileSync(options.people, 'utf8')).people;
const byLogin = new Map(people.map((p) => [p.login, p]));
const byId = new Map(people.map((p) => [p.claims.PersonIdentifier, p]));

// Everything is on loopback: tests serve the portal on random ports, so the demo client accepts
// any http://127.0.0.1:PORT/… or http://localhost:PORT/… redirect, besides the registered ones.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLoopback = (uri) => {
  const url = URL.parse(uri);
  return url !== null && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
    && url.username === '' && url.password === '' && url.hash === '';
};

// Consent is never asked: the portal is the town's own (first-party) service.
const policy = interactionPolicy.base();
policy.remove('consent');

// The signing key lives as long as the process; relying parties fetch it from the JWKS.
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const server = createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(Number(options.port), '127.0.0.1', resolve);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'radnice-demo',
    client_secret: options['client-secret'],
    client_name: 'Radnice – portál města (demo)',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: ['https://radnice.koprivnice.example/prihlaseni/navrat'],
    post_logout_redirect_uris: ['https://radnice.koprivnice.example/'],
  }],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    claimsParameter: { enabled: true },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
  },
  // Every ID token says who (sub) and how surely (acr). NIA's attributes are claims of their
  // own, in no scope: only the claims parameter brings them.
  claims: {
    openid: ['sub', 'acr'],
    auth_time: null,
    sid: null,
    ...Object.fromEntries(NIA_CLAIMS.map((claim) => [claim, null])),
  },
  acrValues: LOA,
  routes: {
    authorization: '/FPSTS/oidc/authorize',
    token: '/FPSTS/oidc/token',
    userinfo: '/FPSTS/oidc/userinfo',
    end_session: '/FPSTS/oidc/endsession',
    jwks: '/FPSTS/oidc/openid-configuration-jwks',
  },
  jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: randomBytes(8).toString('hex') }] },
  // Cookies are per host, not per port: names of its own keep them apart from the portal's.
  cookies: {
    keys: [randomBytes(32).toString('hex')],
    names: { session: 'idp_session', interaction: 'idp_interaction', resume: 'idp_interaction_resume' },
  },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const person = byId.get(id);
    return person && { accountId: id, claims: async () => ({ sub: id, ...person.claims }) };
  },
  // Grants what the portal asks for, so no consent prompt ever shows.
  async loadExistingGrant(ctx) {
    const { Grant } = ctx.oidc.provider;
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    const grant = (grantId && await Grant.find(grantId))
      || new Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
    grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
    await grant.save();
    return grant;
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Chyba přihlášení', `<h1>Přihlášení se nepodařilo</h1>
<p>Služba poslala požadavek, který demo Identita občana nepřijala.</p>
<p><code>${escapeHTML(out.error)}</code>: ${escapeHTML(out.error_description || '')}</p>`);
  },
});

// The loopback exception to the exact redirect URI match (the oidc-provider recipe "Redirect
// URI wildcards", narrowed to loopback); anything else must be registered.
const { redirectUriAllowed, postLogoutRedirectUriAllowed } = provider.Client.prototype;
provider.Client.prototype.redirectUriAllowed = function loopbackRedirectUriAllowed(uri) {
  return isLoopback(uri) || redirectUriAllowed.call(this, uri);
};
provider.Client.prototype.postLogoutRedirectUriAllowed = function loopbackPostLogoutRedirectUriAllowed(uri) {
  return isLoopback(uri) || postLogoutRedirectUriAllowed.call(this, uri);
};

const oidc = provider.callback();
server.on('request', async (req, res) => {
  // Paths only: queries and bodies may carry personal data.
  const path = new URL(req.url, issuer).pathname;
  res.on('finish', () => console.log(`${req.method} ${path} ${res.statusCode}`));
  try {
    const [, uid, action] = path.match(/^\/interaction\/([\w-]+)(?:\/(login|abort))?$/) || [];
    if (path.toLowerCase() === '/fpsts/oidc/openid-configuration') {
      req.url = '/.well-known/openid-configuration'; // NIA's discovery path
    } else if (uid) {
      await interaction(req, res, uid, action);
      return;
    }
    oidc(req, res);
  } catch (err) {
    const expired = err instanceof errors.SessionNotFound;
    if (!expired) console.error(err);
    send(res, expired ? 400 : 500, page('Chyba přihlášení', expired
      ? '<h1>Přihlášení vypršelo</h1><p>Vraťte se do služby a přihlaste se znovu.</p>'
      : '<h1>Chyba přihlášení</h1><p>Demo Identita občana narazila na chybu.</p>'));
  }
});

// The login interaction: GET shows the form, POST …/login checks the password, GET …/abort
// returns to the service with access_denied (NIA's "Zpět do služby").
async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound('interaction of another uid');
  if (action === 'abort') {
    console.log('login: cancelled');
    await provider.interactionFinished(req, res,
      { error: 'access_denied', error_description: 'Uživatel přihlášení zrušil' },
      { mergeWithLastSubmission: false });
    return;
  }
  const client = await provider.Client.find(details.params.client_id);
  const service = client?.clientName || details.params.client_id;
  if (req.method !== 'POST' || action !== 'login') {
    send(res, 200, loginPage(uid, service));
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const login = (form.get('login') || '').trim();
  const password = form.get('password') || '';
  const person = byLogin.get(login);
  // Demo passwords are public and kept in plain text on purpose.
  if (!person || person.password !== password) {
    console.log('login: refused (wrong credentials)');
    const error = login === '' || password === ''
      ? 'Zadejte uživatelské jméno i heslo.'
      : 'Uživatelské jméno nebo heslo není správné.';
    send(res, 200, loginPage(uid, service, { login, error }));
    return;
  }
  console.log(`login: accepted (${person.loa})`);
  await provider.interactionFinished(req, res,
    { login: { accountId: person.claims.PersonIdentifier, acr: person.loa } },
    { mergeWithLastSubmission: false });
}

// The login form, with the error above it when the last attempt failed.
function loginPage(uid, service, { login = '', error = '' } = {}) {
  const invalid = error ? ' aria-invalid="true" aria-describedby="chyba"' : '';
  return page('Přihlášení – demo Identita občana', `<h1>Přihlášení – demo Identita občana</h1>
<p>Služba <strong>${escapeHTML(service)}</strong> žádá o ověření vaší totožnosti.</p>
<p class="note">Vývojový poskytovatel identity: přihlaste se některým z demo účtů uvedených v README.</p>
${error ? `<div class="error" id="chyba" role="alert"><h2>Přihlášení se nepodařilo</h2><p>${escapeHTML(error)}</p></div>` : ''}
<form method="post" action="/interaction/${escapeHTML(uid)}/login">
<p><label for="login">Uživatelské jméno</label>
<input id="login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHTML(login)}"${invalid}></p>
<p><label for="password">Heslo</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}></p>
<p><button type="submit">Přihlásit se</button></p>
</form>
<p><a href="/interaction/${escapeHTML(uid)}/abort">Zpět do služby bez přihlášení</a></p>`);
}

// RP-initiated logout asks before it ends the session (OpenID Connect RP-Initiated Logout 1.0).
async function logoutSource(ctx, form) {
  ctx.type = 'html';
  ctx.body = page('Odhlášení – demo Identita občana', `<h1>Odhlášení</h1>
<p>Chcete se odhlásit z demo Identity občana?</p>
${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">Odhlásit se</button>
<button type="submit" form="op.logoutForm" class="secondary">Zůstat přihlášen(a)</button></p>`);
}

// Shown after logout when the service gave no post_logout_redirect_uri.
async function postLogoutSuccessSource(ctx) {
  ctx.type = 'html';
  ctx.body = page('Odhlášeno – demo Identita občana',
    '<h1>Odhlášení proběhlo</h1><p>Byli jste odhlášeni z demo Identity občana.</p>');
}

// A whole HTML page in the provider's plain look.
function page(title, main) {
  return `<!DOCTYPE html>
<html lang="cs">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(title)}</title>
<style>
body { font: 1.0625rem/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
header { background: #2362a2; color: #fff; padding: 0.75rem 1rem; font-weight: bold; }
main { max-width: 32rem; margin: 0 auto; padding: 1rem; }
label { display: block; font-weight: bold; }
input { font: inherit; width: 100%; box-sizing: border-box; padding: 0.4rem; border: 2px solid #505a5f; }
input:focus, button:focus, a:focus { outline: 3px solid #fd0; outline-offset: 0; }
button { font: inherit; padding: 0.5rem 1rem; border: 0; background: #2362a2; color: #fff; cursor: pointer; }
button.secondary { background: #505a5f; }
.note { color: #505a5f; }
.error { border: 4px solid #b10e1e; padding: 0 1rem; }
.error h2 { font-size: 1.125rem; color: #b10e1e; }
</style>
</head>
<body>
<header>Identita občana – demo</header>
<main>
${main}
</main>
</body>
</html>
`;
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The form body, refused beyond a few kilobytes.
async function readBody(req) {
  let body = '';
  req.setEncoding('utf8');
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 8192) throw new Error('request body too large');
  }
  return body;
}

if (options['exit-with-stdin']) {
  process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume();
}
console.log(`listening ${issuer}`);
